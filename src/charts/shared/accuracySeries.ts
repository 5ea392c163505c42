/**
 * The detective-accuracy chart both views draw: the raw overall accuracy faint behind its
 * smoothed line, the real and fake halves dashed, and the 50% line of a coin toss.
 */
import { OKABE_ITO } from './palette';
import { fmt, t } from '../../i18n';

export interface AccuracyRow {
  step: number;
  acc: number;
  accReal: number;
  accFake: number;
  accSmooth: number;
}

/** A share as a whole percentage in the interface language, "–" where there is none. */
export const percent = (v: number) => fmt.percent(v);

/** LineChart options; `real` and `fake` name the halves ("on real points", "on fakes"). */
export function accuracyChart<R extends AccuracyRow>(real: string, fake: string) {
  const say = t().app.charts;
  return {
    x: (r: R) => r.step,
    series: [
      { label: say.overallRaw, value: (r: R) => r.acc, colour: '#222', faint: true },
      { label: real, value: (r: R) => r.accReal, colour: OKABE_ITO.green, dash: '2 3', width: 1.5 },
      { label: fake, value: (r: R) => r.accFake, colour: OKABE_ITO.purple, dash: '6 3', width: 1.5 },
      { label: say.overall, value: (r: R) => r.accSmooth, colour: '#222', width: 2.5 },
    ],
    refs: [{ y: 0.5, label: say.coinToss }],
    yDomain: [0, 1] as [number, number],
    yFormat: percent,
    yLabel: say.accuracy,
  };
}
