/** The frame around every view: navigation, the language switcher, words many views share. */
export const app = {
  brand: 'ForgeLab',
  brandHome: 'ForgeLab, back to the playground',
  nav: {
    label: 'Main',
    playground: 'Playground',
    faces: 'Faces',
    experiments: 'Experiments',
    generations: 'Generations',
    lessons: 'Lessons',
  },
  language: {
    label: 'Language',
    switched: (name: string) => `Interface language: ${name}.`,
  },
  charts: {
    trainingStep: 'training step',
    overall: 'overall',
    overallRaw: 'overall (raw)',
    coinToss: '50%: a coin toss',
    accuracy: 'accuracy',
    distanceToTraining: 'distance to the closest training point',
  },
  drawer: {
    close: 'Close',
    settings: 'Settings',
  },
  hint: {
    show: (what: string) => `What “${what}” means`,
  },
};
