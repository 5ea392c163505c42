/** Which thread a live run trains on, and what a view says when it is the page's. */

/** Where live training runs, and why when it is not the worker. */
export type LiveThread = { where: 'worker' } | { where: 'page'; why: string };

/**
 * A worker can train live where the browser has workers and OffscreenCanvas (WebGL in a
 * worker). Without them the run trains on the page's thread, and the view says so.
 */
export function liveThread(env: { Worker?: unknown; OffscreenCanvas?: unknown } = globalThis as never): LiveThread {
  if (typeof env.Worker !== 'function') return { where: 'page', why: 'this browser cannot start a worker' };
  if (typeof env.OffscreenCanvas !== 'function') return { where: 'page', why: 'this browser cannot use the graphics card (WebGL) in a worker' };
  return { where: 'worker' };
}

export function pageThreadNotice(why: string): string {
  return `Training runs on the page’s own thread, because ${why}. Drawing and training take turns, so training is slower than it could be.`;
}
