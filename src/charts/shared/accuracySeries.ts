/**
 * The detective-accuracy chart both views draw: the raw overall accuracy faint behind its
 * smoothed line, the real and fake halves dashed, and the 50% line of a coin toss.
 */
import { OKABE_ITO } from './palette';

export interface AccuracyRow {
  step: number;
  acc: number;
  accReal: number;
  accFake: number;
  accSmooth: number;
}

/** A share as a whole percentage, "–" where there is none. */
export const percent = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '–');

/** LineChart options; `real` and `fake` name the halves ("on real points", "on fakes"). */
export function accuracyChart<R extends AccuracyRow>(real: string, fake: string) {
  return {
    x: (r: R) => r.step,
    series: [
      { label: 'overall (raw)', value: (r: R) => r.acc, colour: '#222', faint: true },
      { label: real, value: (r: R) => r.accReal, colour: OKABE_ITO.green, dash: '2 3', width: 1.5 },
      { label: fake, value: (r: R) => r.accFake, colour: OKABE_ITO.purple, dash: '6 3', width: 1.5 },
      { label: 'overall', value: (r: R) => r.accSmooth, colour: '#222', width: 2.5 },
    ],
    refs: [{ y: 0.5, label: '50%: a coin toss' }],
    yDomain: [0, 1] as [number, number],
    yFormat: percent,
    yLabel: 'accuracy',
  };
}
