import * as fmt from '../format';

/** English messages of the instructor page (#/teach): assigning lessons, the guides, the class's results. */
export const teach = {
  title: 'Teaching with ForgeLab',
  assign: {
    title: 'Assign, embed, collect',
    // each item around its bold lead and its code samples
    linkLead: 'Assign by link.',
    link1: ' Send students a lesson’s address, for example ',
    link2: '. Add settings to change its lab (',
    link3: ' gives everyone the same run; a different seed per student shows the spread).',
    embedLead: 'Embed in your LMS.',
    embed1: ' Add ',
    embed2: ' to any link (',
    embed3: ') and put it in an iframe: the page drops its header and navigation.',
    collectLead: 'Collect reports.',
    collect:
      ' Students type their name, press “Download report” and hand in the Markdown file (or print it). Drop the files below: their answers and numbers are read in this browser, nothing is uploaded.',
    kept: 'Answers are kept in each student’s browser. On a shared computer, ask students to download their report before they leave.',
  },
  guides: {
    title: 'Lesson guides',
    minutes: (n: string) => `about ${n} minutes`,
    open: 'Open the lesson',
    linkToAssign: 'link to assign:',
    goals: 'Goals:',
  },
  results: {
    title: 'Your class’s results',
    intro: 'Drop your students’ report files here (or choose them). They are read in this browser only: nothing is uploaded.',
    drop: 'Drop report files here',
    files: 'Report files (.md)',
    loaded: (n: number, problems: number) => `${fmt.int(n)} report${n === 1 ? '' : 's'} loaded${problems ? `; ${fmt.int(problems)} could not be read` : ''}.`,
    lesson: (title: string, n: number) => `${title} (${fmt.int(n)} student${n === 1 ? '' : 's'})`,
    plot: 'Plot',
    notAnswered: '(not answered)',
  },
  /** What the dot plot can show, by measure id. */
  measures: {
    minorityRatio: 'Minority ratio (synthetic share ÷ real share; 1 = faithful)',
    detective: 'Detective accuracy',
    judge: 'Fresh-judge accuracy',
  },
  dotPlot: {
    aria: (label: string, summary: string) => `${label}, one dot per student. ${summary}`,
    caption: (label: string, reference: string) => `${label}; one dot per student, the dashed line at ${reference}.`,
    values: 'Each student’s value',
  },
  /** The recipe a student's lab used, as the dot plot's rows name it. */
  recipes: { stabilised: 'stabilised', plain: 'plain', unknown: 'unknown' } as Record<string, string>,
};
