/**
 * The data card that travels with an export of the generations experiment: the run's figures
 * (core/generations/export.ts `dataCardFacts`) under the headings of Datasheets for Datasets
 * (Gebru et al. 2021), as Markdown for people and JSON for machines. The JSON carries
 * `synthetic: true` at its top level, the machine-readable marking that the EU AI Act (Art. 50)
 * asks of generated content; the Distribution section says so.
 *
 * Every figure in the Markdown is written by `figure` (4 significant digits) from the facts, so a
 * test can read each number back and compare it with the run's.
 */
import type { DataCardFacts, FaceCardFacts } from '../../core/generations/export';

export const DATASHEET_HEADINGS = ['Motivation', 'Composition', 'Collection process', 'Preprocessing', 'Uses', 'Distribution', 'Maintenance'] as const;

/** A figure as the card prints it. */
export function figure(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v);
}
const pct = (v: number) => `${figure(100 * v)}%`;

const POLICY_TEXT: Record<DataCardFacts['run']['policy'], string> = {
  replace: 'each generation learned only from the previous generation’s output',
  accumulate: 'each generation learned from the real data plus every synthetic set made before it',
  fresh: 'each generation learned from a share of fresh real points plus the previous generation’s output',
};
const GENERATOR_TEXT: Record<DataCardFacts['generator']['kind'], string> = {
  gan: 'a small generative adversarial network (forger and detective, both multilayer perceptrons)',
  gmm: 'a Gaussian mixture fitted by expectation–maximisation (full covariances)',
};

export interface DataCardText {
  limitations: string[];
  intendedUses: string[];
  unsuitableUses: string[];
  marking: string;
}

const bullets = (xs: string[]) => xs.map((x) => `- ${x}`).join('\n');

/** The Uses, Distribution and Maintenance sections every card ends with. */
function closingSections(t: DataCardText, keep: string, rerun: string): string {
  return `## Uses

Intended:
${bullets(t.intendedUses)}

Not suitable for:
${bullets(t.unsuitableUses)}

Known limitations:
${bullets(t.limitations)}

## Distribution

Exported from ForgeLab in the browser. ${t.marking} Keep ${keep} whenever it is shared.

## Maintenance

Not maintained: this is a snapshot of one run. Rerun ${rerun} and the settings above to make it again.
`;
}

export function cardText(f: DataCardFacts): DataCardText {
  const limitations = [
    'The points are two-dimensional teaching data, not measurements of people or things.',
    `Generation ${f.run.generation} is ${f.run.generation === 0 ? 'the first model, trained on real data' : `${f.run.generation} step(s) removed from the real data`}; errors made by earlier generations are built into it.`,
    'Group labels on synthetic points are not drawn by the generator: each point gets the group whose real density is highest where it lies, and points far from all real data are labelled off-data.',
    `Figures come from one seed (${f.run.seed}); another seed gives other numbers.`,
  ];
  if (f.fidelity.jsOverFloor > 5) limitations.push(`The synthetic distribution is far from the real one (JS divergence ${figure(f.fidelity.jsOverFloor)} times its noise floor).`);
  const intendedUses = ['Teaching and discussing how synthetic data drifts when models learn from models.', 'Testing tools that must tell synthetic rows from real ones.'];
  const unsuitableUses = [
    'Standing in for real data in any decision about people.',
    'Training a further model without keeping this file’s provenance labels.',
    'Claims about a real population: the source is a made-up mixture.',
  ];
  const marking = 'Every row carries source = synthetic or real, and this card’s JSON has "synthetic": true: a machine-readable mark that the data is artificially generated, as Article 50 of the EU AI Act asks of generated content.';
  return { limitations, intendedUses, unsuitableUses, marking };
}

/** The card as JSON: the facts plus the card's sentences. */
export function dataCardJson(f: DataCardFacts): string {
  return JSON.stringify({ ...f, text: cardText(f) }, null, 2);
}

export function dataCardMarkdown(f: DataCardFacts): string {
  const t = cardText(f);
  const shares = f.shares.map((s) => `| ${s.id} | ${pct(s.real)} | ${pct(s.synthetic)} |`).join('\n');
  const cov = f.fidelity.coverage.map((c) => `- Coverage of the ${c.id} group's real points (Naeem et al. 2020, k = 5): ${figure(c.value)}`).join('\n');
  const settings = Object.entries(f.generator.settings).map(([k, v]) => `${k} = ${typeof v === 'number' ? figure(v) : v}`).join(', ');
  const m = f.measured;
  const measured = [
    m.closerToTrain !== undefined ? `- Closer-to-train share: ${figure(m.closerToTrain)} (0.5 means no sign of memorisation)` : '',
    m.copyRate !== undefined ? `- Copy rate: ${figure(m.copyRate)}` : '',
    m.epsilon !== undefined ? `- Differential privacy: ε = ${figure(m.epsilon)}${m.delta !== undefined ? `, δ = ${figure(m.delta)}` : ''}` : '',
  ].filter(Boolean);
  return `# Data card: synthetic points (ForgeLab generations experiment)

**This data set is synthetic.** ${t.marking}

## Motivation

Made to show what happens when a generator learns from the output of an earlier generator ("model collapse"): ${POLICY_TEXT[f.run.policy]}.

## Composition

- Rows: ${f.rows.synthetic} synthetic, ${f.rows.real} real.
- Source data: "${f.source.data}" with ${f.source.realPoints} real training points; minority share ${pct(f.source.minority)}, placed "${f.source.place}".
- Groups, real share against synthetic share (by the real density):

| group | real | synthetic |
|---|---|---|
${shares}

- Off-data share of the synthetic points: ${pct(f.offData)}

## Collection process

- Generator: ${GENERATOR_TEXT[f.generator.kind]}; settings: ${settings}.
- Seed ${f.run.seed}; generation ${f.run.generation} of ${f.run.generations}; policy ${f.run.policy}${f.run.policy === 'fresh' ? ` (fresh real share ${pct(f.run.freshFraction)})` : ''}; steps ${f.run.step}${f.generator.stepsPerGeneration !== null ? ` (${f.generator.stepsPerGeneration} per generation)` : ' (EM iterations)'}.

## Preprocessing

- Coordinates are Float32 values in plot units (the real data lies in [−1, 1]²), written as the shortest decimal that reads back to the same value.
- Fidelity: JS divergence to a fixed real sample ${figure(f.fidelity.js)} bits (noise floor ${figure(f.fidelity.floor)}; ratio ${figure(f.fidelity.jsOverFloor)}).
- Spread (variance): synthetic x ${figure(f.fidelity.spread.x)}, y ${figure(f.fidelity.spread.y)}, total ${figure(f.fidelity.spread.total)}; real total ${figure(f.fidelity.realSpread.total)}.
${cov}
${measured.length ? measured.join('\n') : '- Memorisation and privacy: not measured for this run.'}

${closingSections(t, 'the \`source\` column and this card with the data', `the experiment with seed ${f.run.seed}`)}`;
}

/** The words in the band under a sheet of generated faces (core/generations/faceSheet.ts). */
export const FACE_SHEET_LABEL = 'SYNTHETIC AI GENERATED';

/** The sentences of a face card that are not figures. */
export function faceCardText(f: FaceCardFacts): DataCardText {
  return {
    limitations: [
      'The faces are procedurally drawn cartoons, not photographs of people; their "skin tone" is one of six palette colours.',
      `Generation ${f.run.generation} is ${f.run.generation === 0 ? 'the first model, trained on real (procedural) faces' : `${f.run.generation} step(s) removed from the real faces`}; each later model learned only from the faces the one before it made.`,
      `A generated face's tone is read off its skin pixels; ${pct(f.offPalette)} of the measured faces matched no palette tone and count for no group.`,
      `Figures come from one seed (${f.run.seed}) and ${f.measuredFaces} generated faces; another seed gives other numbers.`,
    ],
    intendedUses: ['Teaching how a skewed image generator, retrained on its own output, changes who appears in its pictures.', 'Testing tools that must recognise marked synthetic images.'],
    unsuitableUses: ['Any use as pictures of real people.', 'Training a further model without this card and the sheet’s SYNTHETIC marking.', 'Claims about any real population.'],
    marking: 'Every face on the sheet is framed in magenta and the sheet carries the words SYNTHETIC AI GENERATED; this card’s JSON has "synthetic": true, a machine-readable mark that the images are artificially generated, as Article 50 of the EU AI Act asks of generated content.',
  };
}

export function faceCardJson(f: FaceCardFacts): string {
  return JSON.stringify({ ...f, text: faceCardText(f) }, null, 2);
}

export function faceCardMarkdown(f: FaceCardFacts): string {
  const t = faceCardText(f);
  // a share read from too few faces with a recognisable tone is not printed as a number
  const read = (v: number) => (Number.isFinite(v) ? pct(v) : 'too few to read');
  const shares = f.shares.map((s) => `| ${s.id} | ${pct(s.real)} | ${read(s.synthetic)} | ${pct(s.syntheticOfAll)} |`).join('\n');
  const tones = f.tones.map((s) => `| ${s.id} | ${pct(s.real)} | ${read(s.synthetic)} |`).join('\n');
  return `# Data card: synthetic faces (ForgeLab faces across generations)

**These images are synthetic.** ${t.marking}

## Motivation

Made to show what happens to a skewed image generator that learns from its own output, generation after generation (the replace policy).

## Composition

- Images: ${f.sheetFaces} faces on the sheet, ${f.source.size} × ${f.source.size} pixels each; shares below measured on ${f.measuredFaces} generated faces.
- Source data: ${f.source.realFaces} procedural faces; real group shares ${f.source.groups.map((g) => `${g.id} ${pct(g.realShare)}`).join(', ')}.
- Groups, real share against synthetic share (among faces with a recognisable tone, and of all faces):

| group | real | synthetic | synthetic, of all |
|---|---|---|---|
${shares}

- Tones:

| tone | real | synthetic |
|---|---|---|
${tones}

- Faces with no recognisable tone: ${pct(f.offPalette)}

## Collection process

- Generator: a small generative adversarial network for images (forger and detective, multilayer perceptrons), ${f.generator.stepsPerGeneration} training steps per generation.
- Seed ${f.run.seed}; generation ${f.run.generation} of ${f.run.generations}; policy replace.

## Preprocessing

- Pixels in [−1, 1] from the generator, scaled to 0–255 for the PNG; each face framed by a one-pixel magenta border.

${closingSections(t, 'this card with the sheet', `faces across generations with seed ${f.run.seed}`)}`;
}
