/**
 * The live training worker: the playground's (and every lesson lab's) run trains here, and the
 * page only draws the snapshots it posts. WebGL works here through tfjs's OffscreenCanvas.
 */
import { taskHost } from '../../core/loop/host';
import { liveHost } from './liveHost';
import type { LiveCommand, LiveEvent } from './protocol';

declare const self: {
  onmessage: ((e: MessageEvent<LiveCommand>) => void) | null;
  postMessage(m: LiveEvent, transfer?: Transferable[]): void;
};

const handle = liveHost((m, transfer) => self.postMessage(m, transfer ?? []), taskHost(() => performance.now()), typeof OffscreenCanvas === 'function');
self.onmessage = (e) => void handle(e.data);
