/** Which thread a live run trains on, and what a view says when it is the page's. */
import { t } from '../../i18n';

// the reasons stay English data (tests read them); pageThreadNotice words them for the student
const NO_WORKER = 'this browser cannot start a worker';
const NO_OFFSCREEN = 'this browser cannot use the graphics card (WebGL) in a worker';

/** Where live training runs, and why when it is not the worker. */
export type LiveThread = { where: 'worker' } | { where: 'page'; why: string };

/**
 * A worker can train live where the browser has workers and OffscreenCanvas (WebGL in a
 * worker). Without them the run trains on the page's thread, and the view says so.
 */
export function liveThread(env: { Worker?: unknown; OffscreenCanvas?: unknown } = globalThis as never): LiveThread {
  if (typeof env.Worker !== 'function') return { where: 'page', why: NO_WORKER };
  if (typeof env.OffscreenCanvas !== 'function') return { where: 'page', why: NO_OFFSCREEN };
  return { where: 'worker' };
}

/** The notice, in the interface language (`why` is one of liveThread's English reasons). */
export function pageThreadNotice(why: string): string {
  const live = t().shared.live;
  const said = why === NO_WORKER ? live.noWorker : why === NO_OFFSCREEN ? live.noOffscreen : why;
  return live.pageThread(said);
}
