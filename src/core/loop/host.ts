/**
 * The scheduler a slice loop runs on, in the page or in a worker: each slice is a message-channel
 * task. In the page, input and rendering run between them (Chrome gives both priority over posted
 * tasks), and unlike a chain of zero-delay timers they are not clamped to 4 ms apart, which left a
 * third of the time idle. In a worker, the messages from the page (pause, step, a setting) run
 * between them. Where there is no MessageChannel, zero-delay timers.
 */
import type { LoopHost } from './sliceLoop';

export function taskHost(now: () => number): LoopHost {
  if (typeof MessageChannel !== 'function') {
    return {
      now,
      schedule: (cb) => setTimeout(cb, 0) as unknown as number,
      scheduleAfter: (cb, ms) => setTimeout(cb, ms) as unknown as number,
      cancel: (id) => clearTimeout(id),
    };
  }
  const queue = new Map<number, () => void>();
  let next = 1;
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent<number>) => {
    const cb = queue.get(e.data);
    if (!cb) return;
    queue.delete(e.data);
    cb();
  };
  return {
    now,
    schedule: (cb) => {
      const id = next++;
      queue.set(id, cb);
      channel.port2.postMessage(id);
      return id;
    },
    scheduleAfter: (cb, ms) => {
      const id = next++;
      queue.set(id, cb);
      setTimeout(() => {
        const f = queue.get(id);
        if (!f) return;
        queue.delete(id);
        f();
      }, ms);
      return id;
    },
    cancel: (id) => void queue.delete(id),
  };
}
