/**
 * The live models the training worker can host, by kind: how to make the engine and how to put
 * its readbacks on the wire (what to copy, what to transfer).
 */
import { PlaygroundEngine } from '../../core/loop/playgroundEngine';
import type { PlaygroundRequest } from '../../core/loop/playgroundEngine';
import { FacesEngine } from '../../core/faces/engine';
import type { FacesRequest } from '../../core/faces/engine';
import type { FacesReadback } from '../../core/faces/loop';
import type { Snapshot } from '../../core/loop/loop';
import type { EngineEvents, LiveEngine } from '../../core/loop/engine';
import type { LoopHost } from '../../core/loop/sliceLoop';
import { fromWire, toWire } from './protocol';
import type { WireSnapshot } from './protocol';

export interface LiveKinds {
  playground: { request: PlaygroundRequest; readback: Snapshot; wire: WireSnapshot };
  faces: { request: FacesRequest; readback: FacesReadback; wire: FacesReadback };
}
export type LiveKind = keyof LiveKinds;

interface KindEntry<K extends LiveKind> {
  make(host: LoopHost, events: EngineEvents<LiveKinds[K]['readback']>): LiveEngine<LiveKinds[K]['request']>;
  wire(r: LiveKinds[K]['readback']): { wire: LiveKinds[K]['wire']; transfer: ArrayBuffer[] };
  /** The page's reader of one run's readbacks (it may fill in what the wire left out); null skips one. */
  unwire(): (w: LiveKinds[K]['wire']) => LiveKinds[K]['readback'] | null;
}

const buffersOf = (...arrays: (ArrayBufferView | null | undefined)[]) => [...new Set(arrays.flatMap((a) => (a && a.buffer instanceof ArrayBuffer ? [a.buffer] : [])))];

export const ENGINES: { [K in LiveKind]: KindEntry<K> } = {
  playground: {
    make: (host, e) => new PlaygroundEngine(host, { snapshot: e.readback, diverged: e.diverged, failed: e.failed }, (fn) => setTimeout(fn, 1000)),
    wire: toWire,
    unwire: () => {
      let last: Pick<Snapshot, 'evaluation' | 'memorisation'> | { evaluation: null; memorisation: null } = { evaluation: null, memorisation: null };
      return (w) => {
        const s = fromWire(w, last);
        if (s) last = { evaluation: s.evaluation, memorisation: s.memorisation };
        return s;
      };
    },
  },
  faces: {
    make: (host, e) => new FacesEngine(host, { readback: e.readback, stopped: e.stopped, diverged: e.diverged, failed: e.failed }),
    // the grid and the evaluation are views of one fresh array per readback
    wire: (r) => ({ wire: r, transfer: buffersOf(r.grid, r.evaluation?.samples, r.evaluation?.pReal, r.evaluation?.pFake) }),
    unwire: () => (w) => w,
  },
};
