/** English messages of the experiments view: the rebalancing, hiring and privacy panels and their sentences. */
export const experiments = {
  view: {
    title: 'Experiments: can synthetic data fix a skew?',
    intro:
      'Two questions the playground raises, run for real in the background while the page stays usable. First: if a GAN under-represents a group, can generating more of that group repair the data? Second: if the history is biased, do synthetic records made from it carry the bias on?',
    shared: 'Settings shared by both experiments',
    seed: 'Seed',
    steps: 'Training steps per GAN',
    recipe: 'Recipe',
    failure: 'The experiment failed in the background worker',
  },
  /** A recipe's name inside a sentence ("plain recipe"), by its link value. */
  recipes: { stabilised: 'stabilised', plain: 'plain' } as Record<string, string>,
  groups: { majority: 'Majority', minority: 'Minority' } as Record<string, string>,
  /** A group's name inside a sentence. */
  groupsLower: { majority: 'majority', minority: 'minority' } as Record<string, string>,
  common: {
    cancel: 'Cancel',
    result: 'Result',
    stale: 'The settings have changed since this ran; train again to see them.',
    keyToPlots: 'Key to the plots',
  },
  /** What a run used: "90/10, minority in the majority’s tail, 2,000 points, plain recipe, 3,000 steps, seeds 6–10". */
  run: {
    groupsData: (split: string, place: string) => `${split}, minority ${place}`,
    caption: (data: string, points: string, recipe: string, steps: string, per: string, seeds: string) => `${data}, ${points} points, ${recipe} recipe, ${steps} steps${per ? ` ${per}` : ''}, ${seeds}`,
    seed: (seed: string) => `seed ${seed}`,
    seeds: (first: string, last: string) => `seeds ${first}–${last}`,
  },
  rebalance: {
    title: 'Fix it with synthetic data?',
    // the intro around its bold (a), (b) and the stressed "real"
    intro1: 'A common proposal: when a group is under-represented, generate more of it. Start from a skewed training set and top the minority up to half with synthetic minority points made two ways — ',
    intro2: ' points from a GAN trained on all the data that land where the real minority lives, and ',
    intro3: ' points from a GAN trained on the minority’s few points alone. Then ask how much of the ',
    introReal: 'real',
    intro4: ' minority each fix actually covers.',
    presets: 'Majority / minority presets',
    run: (steps: string) => `Train both GANs (${steps} steps)`,
    progress: 'Rebalancing experiment progress',
    perGan: 'per GAN',
    trainingSet: (majority: string, minority: string, topUp: string, target: string, heldOut: string) =>
      `Training set: ${majority} majority and ${minority} minority points. Each fix adds ${topUp} synthetic minority points to reach ${target}; both are judged against ${heldOut} held-out real minority points the GANs never saw.`,
    terms: 'Coverage: share of held-out real minority points with a synthetic point within reach of their 5 nearest neighbours. Spread: standard deviation along each axis, and as a multiple of the real minority’s.',
    tableRegion: 'Coverage and spread of each fix (scrolls sideways on narrow screens)',
    tableCaption: 'Coverage and spread of each fix against the held-out real minority',
    cols: { who: 'Minority points', points: 'Points', coverage: 'Coverage', spreadX: 'Spread x', spreadY: 'Spread y' },
    heldOut: 'Held-out real minority',
    ofRequested: (requested: string) => `of ${requested}`,
    arms: { 'full-gan': '(a) GAN on all points', 'minority-gan': '(b) GAN on the minority alone', 'fresh-real': 'Fresh real points (for comparison)' },
    key: {
      covered: 'real minority point, covered',
      missed: 'real minority point, missed',
      synthetic: 'synthetic minority point',
      realSpread: 'real ±1 SD',
      synSpread: 'synthetic ±1 SD',
    },
    plot: {
      covers: (share: string) => `covers ${share}`,
      aria: (title: string, n: string, heldOut: string, covered: string, missed: string) =>
        `${title}: ${n} synthetic minority points; of ${heldOut} held-out real minority points, ${covered} are covered and ${missed} missed.`,
      missed: (missed: string, outside: string | null) => `${missed} real points missed${outside ? `; ${outside} synthetic points lie outside this view` : ''}.`,
    },
    conclusion: {
      armA: '(a) the GAN trained on all points',
      armB: '(b) the GAN trained on the minority alone',
      noneFound: (requested: string, drawn: string) => ` ((a) found none of the ${requested} minority points asked for in ${drawn} draws: its forger has dropped the minority)`,
      fewFound: (n: string, requested: string) => ` ((a) found only ${n} of the ${requested} minority points asked for)`,
      covers: (topUp: string, best: string, bestShare: string, other: string, otherShare: string, short: string) =>
        `Adding ${topUp} synthetic minority points, ${best} covers ${bestShare} of the held-out real minority and ${other} ${otherShare}${short}; `,
      fresh: (share: string) => `the same number of fresh real points would cover ${share}. `,
      close: 'So the better fix covers about as much as real data would, and ',
      misses: (share: string) => `So even the better fix misses ${share} of real minority points, and `,
      noSpread: 'neither fix made enough minority points to have a spread.',
    },
    spread: {
      both: (x: string, y: string) => `${x} and ${y} the real minority’s spread along x and y`,
      huddle: (both: string) => `its points huddle closer together than the real minority’s (${both}), so the edges go missing`,
      wider: (both: string) => `its points spread wider than the real minority’s (${both}), so some land where no real minority point is`,
      close: (both: string) => `its spread is close to the real minority’s (${both})`,
    },
  },
  hiring: {
    title: 'Hiring: does synthetic data inherit bias?',
    // the intro around the stressed "with"
    intro1: (points: string) =>
      `${points} past applicants, each with a test score and years of experience. Both groups score alike, but the minority has less recorded experience, and past hiring favoured the majority at equal merit. A GAN learns applicants `,
    introWith: 'with',
    intro2: (test: string) =>
      ` their hiring decision and makes as many synthetic ones. A screening model that never sees the group is trained once on the real applicants and once on the synthetic ones, then judged on ${test} fresh real applicants.`,
    run: (steps: string) => `Train the GAN (${steps} steps) and both models`,
    progress: 'Hiring case progress',
    caption: (share: string, recipe: string, steps: string, seed: string) => `${share} minority applicants, ${recipe} recipe, ${steps} steps, seed ${seed}`,
    whyTitle: 'Why this matters',
    why1a: 'US employment guidelines use the ',
    why1Rule: 'four-fifths rule',
    why1b: ': when a group is selected at less than 80% of the rate of the most-selected group, that is evidence of adverse impact (EEOC Uniform Guidelines on Employee Selection Procedures, 1978). Leaving the group out of the model does not help when another feature — here, recorded experience — stands in for it.',
    why2: 'This happened at scale: Amazon scrapped an experimental recruiting engine after it learned to penalise résumés containing the word “women’s”: it had learned from past hiring in a field dominated by men (Reuters, October 2018). Synthetic applicants made from such a history carry the same pattern unless someone changes it on purpose.',
    models: {
      historical: { name: 'Past decisions (the real data)', lines: ['Past', 'decisions'] },
      real: { name: 'Model trained on real applicants', lines: ['Model trained', 'on real'] },
      synthetic: { name: 'Model trained on synthetic applicants', lines: ['Model trained', 'on synthetic'] },
    },
    chartTitle: 'Selection rate per group',
    chartUnit: (n: string) => `share of ${n} fresh real applicants selected`,
    keyRule: 'four-fifths of the top group’s rate',
    modelAria: (name: string, rates: string, ratio: string) => `${name}: ${rates}, ratio ${ratio}`,
    chartAria: (models: string, threshold: string) => `Selection rate per group. ${models}. The four-fifths rule asks for a ratio of at least ${threshold}.`,
    barRatio: (ratio: string, mark: string) => `ratio ${ratio} ${mark}`,
    barNoRatio: 'ratio –',
    tableRegion: 'Selection rates per group (scrolls sideways on narrow screens)',
    tableCaption: 'Selection rate per group and the four-fifths ratio: lowest rate ÷ highest; under 0.80 is evidence of adverse impact.',
    cols: { who: 'Who decides', ratio: 'Ratio' },
    below: 'below 0.80',
    passes: 'passes',
    hired: (real: string, synthetic: string, realAgree: string, synAgree: string) =>
      `Hired in the training data: ${real} of real applicants, ${synthetic} of synthetic ones. The models agree with the real past decision for ${realAgree} (real-trained) and ${synAgree} (synthetic-trained) of fresh applicants.`,
    conclusion: {
      verbFails: 'fails',
      verbPasses: 'passes',
      selects: (minority: string, majority: string, ratio: string, verdict: string, realRatio: string, realVerdict: string) =>
        `The model trained on synthetic applicants selects ${minority} of minority and ${majority} of majority applicants — a ratio of ${ratio}, which ${verdict} the four-fifths rule; trained on the real history it scores ${realRatio} (${realVerdict}). `,
      carried: 'The synthetic applicants carried the old bias over.',
      lost: 'Here the synthetic data lost part of the bias — check more seeds before trusting that.',
    },
  },
  privacy: {
    title: 'What does privacy cost, and whom?',
    intro: (points: string) =>
      `Differentially private training (DP-SGD) clips each real point’s influence on the detective and adds noise of σ times the clip. More noise means a smaller privacy budget ε — and a worse copy of the data. This trains the same small run (${points} points, plain recipe) once per noise level σ and measures, for each group, the JS divergence to held-out real points (fidelity: lower is better) and the closer-to-train share (memorisation: 50% means generated points are no nearer the training points than fresh ones).`,
    // the measured note around the stressed "coverage"
    measured1:
      'What was measured at 2,000 steps over seeds 1–5: JS rose with noise on 4 of 5 seeds, and the minority’s representation ratio fell on 4 (on the fifth it was 0 already without noise) and ended below 0.5 on all 5 (σ 0 → 2). That the minority loses more ',
    measuredCoverage: 'coverage',
    measured2: ' held on only 3 of 5, so it is not claimed. Short runs here are noisier than that.',
    sigmas: 'Noise multipliers σ (comma-separated)',
    run: (count: string, steps: string) => `Run the sweep (${count} × ${steps} steps)`,
    progress: 'Privacy sweep progress',
    epsilonNote: (points: string) =>
      `ε at δ = 1/${points} counts only the detective’s reads of real data and assumes each point is sampled independently for each batch; σ = 0 clips but adds no noise, so ε = ∞.`,
    tableRegion: 'Sweep results per noise level and group (scrolls sideways on narrow screens)',
    tableCaption: 'Fidelity and memorisation per noise level and group',
    cols: { group: 'Group', js: 'JS (bits)', closer: 'Closer to train', ratio: 'Repr. ratio' },
    axes: { sigma: 'noise multiplier σ', epsilon: 'privacy budget ε (log scale)', js: 'JS to held-out real (bits)', closer: 'closer-to-train share' },
    against: (x: string) => ` against ${x}`,
    plotAria: (y: string, x: string, lines: string) => `${y} per group against ${x}: ${lines}. The table above lists every value.`,
    linePoints: (group: string, n: string) => `${group} ${n} points`,
    noMemorisation: (half: string) => `${half}: no memorisation`,
    noInfinity: 'σ = 0 (ε = ∞) is not on this axis.',
    missingAt: (group: string, sigma: string) => `${group} at σ = ${sigma}`,
    notDrawn: (list: string) => `Not drawn: ${list} — the forger made no points of that group, so there was nothing to measure.`,
    sigmaErrors: {
      none: 'Give at least one noise multiplier σ, e.g. 0, 1, 2.',
      bad: (text: string, max: string) => `“${text}” is not a noise multiplier: each σ must be a number from 0 to ${max}.`,
      tooMany: (max: string) => `At most ${max} noise levels at once (each is a full training run).`,
    },
    conclusion: {
      rose: 'rose',
      fell: 'fell',
      stayed: 'stayed',
      js: (loSigma: string, loEpsilon: string, hiSigma: string, hiEpsilon: string, moved: string, from: string, to: string) =>
        `From σ = ${loSigma} (ε ${loEpsilon}) to σ = ${hiSigma} (ε ${hiEpsilon}), the JS divergence to held-out real points ${moved} from ${from} to ${to} bits overall: `,
      perGroup: (minFrom: string, minTo: string, majFrom: string, majTo: string, cost: string) => `for the minority ${minFrom} → ${minTo}, for the majority ${majFrom} → ${majTo}, ${cost}. `,
      noCost: 'so in this run neither group lost fidelity to the noise',
      costMinority: 'so the fidelity cost fell harder on the minority',
      costMajority: 'so the fidelity cost fell harder on the majority',
      ratio: (minFrom: string, minTo: string, majFrom: string, majTo: string, largerFall: boolean) =>
        `The minority’s representation ratio went ${minFrom} → ${minTo} (majority ${majFrom} → ${majTo})${largerFall ? ', a larger fall' : ''}. `,
      closer: (from: string, to: string, half: string) => `The closer-to-train share went ${from} → ${to} (${half} = no sign of memorisation).`,
    },
  },
  notices: {
    sigmas: (error: string) => `The link’s noise levels were not used: ${error}`,
    groups: (realData: string) => `The experiments use the two-group data, so “${realData}” was set to two groups.`,
  },
};
