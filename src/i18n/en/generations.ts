/**
 * English messages of the generations view ("photocopy of a photocopy") and its faces across
 * generations. The data cards stay English: they are files, read by people and tools alike.
 */
export const generations = {
  common: {
    cancel: 'Cancel',
    generation: 'Generation',
    stale: 'The settings have changed since this ran; run again to see them.',
    cardMd: 'Data card (Markdown)',
    cardJson: 'Data card (JSON)',
    /** A share in percent, its number already written ("12.5" → "12.5%"). */
    percent: (n: string) => `${n}%`,
  },
  /** Group names by id, inside sentences ("the minority"). */
  groups: { majority: 'majority', minority: 'minority' },
  view: {
    title: 'Photocopy of a photocopy: models trained on models',
    intro:
      'Generation 0 learns from real data. Every later generation learns from data the one before it made — as happens when synthetic data ends up in the next model’s training set. What is lost first, and what stops the loss?',
    settings: 'Settings',
    run: 'Run',
    seed: 'Seed',
    realData: 'Real data: two groups',
    runButton: (n: number, ganSteps: string | null) => `Run ${n} generation${n === 1 ? '' : 's'}${ganSteps ? ` (${ganSteps} GAN steps)` : ''}`,
    ganTime: 'A GAN run trains in a background worker at very roughly 300–1,000 steps a second on this kind of machine: expect a minute or more for the preset.',
    gmmTime: 'A mixture fit takes well under a second per generation.',
    progress: 'Generations experiment progress',
    policiesTitle: 'The three policies',
    failed: 'The generations experiment failed in the background worker',
    /** Who ignores a link key it does not know, inside the link notice. */
    knownBy: 'the generations view',
  },
  policies: {
    names: { replace: 'replace', accumulate: 'accumulate', fresh: 'fresh real' },
    replace:
      'Each generation learns only from the points the previous generation made; the real data is seen once, by generation 0. Look at the tails first: the rare minority and the edges of the cloud thin out, and the distance to the real data climbs.',
    accumulate:
      'Each generation learns from the real data plus every synthetic set made before it, so nothing is thrown away. Look for it to hold: the distance to the real data stays near generation 0’s and the minority keeps its place.',
    fresh: (share: string) =>
      `Each generation learns from ${share} new real points plus points the previous generation made. Look at how much fresh data holds the line: more fresh real data, less drift.`,
  },
  generator: {
    names: { gan: 'GAN (a forger and a detective)', gmm: 'fit a Gaussian mixture' },
    gan: (steps: string) => `Generator: a GAN (a forger and a detective), trained ${steps} steps per generation.`,
    gmm: (components: number) =>
      `Generator: fit a Gaussian mixture (${components} components, by expectation–maximisation) to each training set — fast, and the same collapse question without a detective.`,
  },
  /** The four charts: title, the metric inside a sentence, unit, and reference line. */
  metrics: {
    js: {
      title: 'JS divergence to the real data',
      phrase: 'JS divergence',
      unit: 'bits (0 = same as real)',
      value: (bits: string) => `${bits} bits`,
      ref: (floor: string) => `noise floor ${floor} (real vs real)`,
    },
    spread: { title: 'Spread of the points', phrase: 'spread', unit: 'variance, x + y (plot units²)', ref: (real: string) => `real data ${real}` },
    minorityShare: { title: 'Minority share', phrase: 'the minority’s share', unit: '% of generated points', ref: (real: string) => `real share ${real}` },
    minorityCoverage: {
      title: 'Minority coverage',
      phrase: 'the minority’s coverage',
      unit: '% of real minority points reached (k = 5)',
      ref: (first: string) => `generation 0 ${first}`,
    },
  },
  /** The sentences under each chart (state/generations/generationsText.ts). */
  trend: {
    single: (policy: string, metric: string, value: string) => `Under ${policy}, ${metric} at generation 0 is ${value}.`,
    same: (policy: string, metric: string, first: string, last: number, end: string) =>
      `Under ${policy}, ${metric} stayed at about ${first} from generation 0 to generation ${last} (${end}).`,
    moved: (policy: string, metric: string, rose: boolean, first: string, end: string, last: number) =>
      `Under ${policy}, ${metric} ${rose ? 'rose' : 'fell'} from ${first} at generation 0 to ${end} at generation ${last}.`,
    refLine: (label: string) => `Reference line: ${label}.`,
  },
  cell: (policy: string, generation: number, shown: string, measured: string, share: string, minority: string, real: string, js: string) =>
    `${policy}, generation ${generation}: ${shown} generated points (hollow) over the real data (faint); of all ${measured} measured, ${share} in the ${minority} (real ${real}); JS ${js} bits.`,
  headline: {
    part: (policy: string, js: string, minority: string, share: string) => `${policy} ${js} bits with the ${minority} at ${share}`,
    all: (generation: number, parts: string, floor: string, minority: string, real: string) =>
      `After generation ${generation}: ${parts} (noise floor ${floor} bits, real ${minority} share ${real}).`,
  },
  strip: {
    title: 'Each generation’s points',
    key: 'Key',
    real: 'real data (faint)',
    generated: (group: string) => `generated, ${group}`,
    offData: 'generated, off the real data',
    row: (policy: string) => `${policy}: one plot per generation`,
    caption: (generation: number) => `gen ${generation}`,
    note: (minority: string, real: string) => `Under each plot: the generation and the ${minority}’s share of its generated points (real: ${real}).`,
  },
  chart: {
    axis: 'generation',
    label: (title: string, summary: string) => `${title} per generation. ${summary}`,
    caption: (title: string, unit: string) => `${title} (${unit}) per generation`,
  },
  export: {
    title: 'Export, labelled',
    // "Every row says where it came from: <code>source</code> (…) … JSON for machines (<code>"synthetic": true</code>)."
    introBefore: 'Every row says where it came from: ',
    introMiddle:
      ' (synthetic or real), the generator, seed, training step and generation. The data card gives the figures of the same points, in Markdown for people and JSON for machines (',
    introAfter: ').',
    policy: 'Policy',
    csv: 'Synthetic points (CSV)',
    mixed: 'Mixed: real + synthetic (CSV)',
    // "The mixed file adds the 500 real training points as <code>source = real</code> rows. …"
    mixedBefore: (n: string) => `The mixed file adds the ${n} real training points as `,
    mixedAfter: ' rows. Open either CSV in the playground’s “Your own data” box: the labels are kept.',
  },
  faces: {
    title: 'Faces across generations',
    intro: (faces: string) =>
      `The same photocopy on pictures: the faces view’s forger learns from ${faces} cartoon faces, then each later generation learns only from faces the one before it drew (replace). Watch the tone histogram of each generation.`,
    run: (n: number, steps: string) => `Run ${n} face generations (${steps} steps)`,
    seedNote: (seed: number) => `Seed ${seed} (set above). Image training is slow: a minute or more for three generations of 500 steps.`,
    progress: 'Faces across generations progress',
    strip: 'Each face generation',
    generation: (generation: number) => `Generation ${generation}`,
    fromReal: 'learned from the real faces',
    fromPrevious: (generation: number) => `learned from generation ${generation}’s faces`,
    gridTitle: 'Faces it draws',
    gridLabel: (n: number, generation: number) => `${n} faces drawn by generation ${generation}`,
    gridSummary: (share: string) => `Darker share: ${share}`,
    histCaption: (generation: number) => `Tone mix: real (filled) against generation ${generation} (hatched)`,
    png: 'Face sheet, marked SYNTHETIC (PNG)',
    failed: 'Faces across generations failed in the background worker',
    notReadable: 'not readable',
    offPalette: (share: string) => `${share} of its faces match no skin tone`,
    summary: (generation: number, share: string, off: string) => `Generation ${generation}: darker share ${share} of the faces with a recognisable tone; ${off}.`,
    summaryUnread: (generation: number, counted: number, n: number, needed: number, off: string) =>
      `Generation ${generation}: only ${counted} of ${n} faces have a recognisable skin tone (${needed} are needed), so no darker share can be read; ${off}.`,
    chainItem: (generation: number, share: string) => `generation ${generation} ${share}`,
    trendSame: (from: number, to: number) => ` From generation ${from} to ${to} it stayed about the same.`,
    trendMoved: (from: number, to: number, fell: boolean, points: number) => ` From generation ${from} to ${to} it ${fell ? 'fell' : 'rose'} by ${points} percentage points.`,
    headline: (real: string, chain: string, trend: string) => `Darker share of the faces: real ${real}; ${chain}.${trend}`,
  },
};
