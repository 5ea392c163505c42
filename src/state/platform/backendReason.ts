/**
 * Why a backend was chosen, in the interface language. core/backend writes a decision's reason
 * in English (core knows no languages) and it stays English as data (the bench report keeps
 * it); a view shows it through `backendReasonText`, which reads back the few shapes core and
 * LiveRun write and words them again. A reason of another shape is shown as it is.
 */
import { fmt, lang, t } from '../../i18n';

const NAME = '([\\w-]+)';
const COULD_NOT_START = new RegExp(`^${NAME} could not start here, so (.+)$`);
const CHOSEN = new RegExp(`^${NAME}, chosen in the settings$`);
const ONLY = new RegExp(`^${NAME}, the only backend that started here$`);
const FASTER = new RegExp(`^${NAME}: ([\\d.]+)× faster than ${NAME} on this model in a quick trial \\((.+) steps/s\\)$`);
const RATE = new RegExp(`^${NAME} ([\\d,]+)$`);
const PROVISIONAL = new RegExp(`^${NAME} to start with, while each backend is measured on this model$`);
const NOT_MEASURED = new RegExp(`^${NAME}: the other backends could not be measured here$`);

/** A decision's reason for the student (English as core wrote it; other languages from the catalogue). */
export function backendReasonText(reason: string): string {
  if (lang.current === 'en') return reason;
  const say = t().shared.backend;
  let m: RegExpExecArray | null;
  if ((m = COULD_NOT_START.exec(reason))) return say.couldNotStart(m[1], backendReasonText(m[2]));
  if ((m = CHOSEN.exec(reason))) return say.chosen(m[1]);
  if ((m = ONLY.exec(reason))) return say.only(m[1]);
  if ((m = PROVISIONAL.exec(reason))) return say.provisional(m[1]);
  if ((m = NOT_MEASURED.exec(reason))) return say.notMeasured(m[1]);
  if ((m = FASTER.exec(reason))) {
    // the rates read "webgl 1,234, wasm 567": a comma before a name separates them
    const rates = m[4].split(/, (?=[a-z])/).map((r) => {
      const x = RATE.exec(r);
      return x ? say.rate(x[1], fmt.int(Number(x[2].replace(/,/g, '')))) : r;
    });
    return say.faster(m[1], fmt.fixed(Number(m[2]), 1), m[3], rates.join(', '));
  }
  return reason;
}
