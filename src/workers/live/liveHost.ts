/**
 * The worker side of live training: one live model (engines.ts: the playground's run, or the
 * faces view's) on the worker's own tfjs backend, driven by the page's commands (protocol.ts).
 * Training slices are message-channel tasks, so the page's commands run between them. The
 * dispatch takes its message sink and scheduler as arguments, so it runs in Node tests as it
 * does in the worker.
 */
import { tf } from '../../core/shared/tf';
import { useBackend } from '../../core/backend/backend';
import type { BackendDecision, BackendOptions } from '../../core/backend/backend';
import { chooseBackend, loseWebglContext, watchWebglLoss } from '../../core/backend/choose';
import { Trainer } from '../../core/gan/trainer';
import type { LoopHost } from '../../core/loop/sliceLoop';
import type { LiveEngine } from '../../core/loop/engine';
import { ENGINES } from './engines';
import type { LiveKind } from './engines';
import type { LiveCommand, LiveEvent, LiveHello } from './protocol';

/** Snapshots the page may have in hand, unhandled, before the worker holds the next ones back. */
const MAX_UNHANDLED = 2;

/** Live tensors in this worker (0 before a backend is loaded: tfjs then has none to ask). */
function tensors(): number {
  try {
    return tf.memory().numTensors;
  } catch {
    return 0;
  }
}

export function liveHost(post: (m: LiveEvent, transfer?: Transferable[]) => void, host: LoopHost, offscreen: boolean): (m: LiveCommand) => Promise<void> {
  let backend: BackendOptions = {};
  const cache = new Map<string, BackendDecision>();
  let unwatch = () => {};
  let seq = 0;
  let handled = 0;
  let built = 0;
  let engine: LiveEngine<unknown> | null = null;
  let kind: LiveKind | null = null;
  const steps = () => engine?.trainer?.steps ?? 0;

  /** The engine of `k`, made on the first build (a worker hosts one kind all its life). */
  function engineFor(k: LiveKind): LiveEngine<unknown> {
    if (engine && kind === k) return engine;
    if (engine) throw new Error(`this worker trains a ${kind} model, not a ${k} one`);
    const entry = ENGINES[k] as unknown as (typeof ENGINES)['playground'];
    const made = entry.make(host, {
      readback: (r) => {
        const { wire, transfer } = entry.wire(r as never);
        const m: LiveEvent = { type: 'snapshot', seq: ++seq, snapshot: wire, steps: steps(), tensors: tensors() };
        try {
          post(m, transfer);
        } catch {
          // an array that cannot be moved (e.g. a view of a backend's memory) is copied instead
          post(m);
        }
      },
      stopped: (step) => post({ type: 'stopped', step }),
      diverged: (step) => post({ type: 'diverged', step }),
      failed: (e) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
    });
    // the loop asks before each unforced readback whether the page keeps up
    made.loop.mayPost = () => seq - handled < MAX_UNHANDLED;
    kind = k;
    engine = made as LiveEngine<unknown>;
    return engine;
  }

  async function run(m: LiveCommand): Promise<unknown> {
    const loop = engine?.loop;
    switch (m.op) {
      case 'init':
        backend = { wasmPaths: m.wasmPaths };
        return { offscreen } satisfies LiveHello;
      case 'choose': {
        const exclude = offscreen ? m.exclude : [...new Set([...m.exclude, 'webgl' as const])];
        return chooseBackend(m.choice, m.spec, m.data, exclude, { quickStart: m.quickStart }, { backend, now: () => performance.now(), cache });
      }
      case 'use':
        return useBackend(m.backend, backend);
      case 'build': {
        const e = engineFor(m.kind);
        e.build(m.request);
        seq = handled = 0;
        return { g: e.trainer!.G.size, d: e.trainer!.D.size, run: ++built };
      }
      case 'play':
        loop?.play();
        return null;
      case 'pause':
        loop?.pause();
        return null;
      case 'step':
        loop?.stepOnce(m.kind);
        return null;
      case 'runSteps':
        loop?.runSteps(m.n);
        return null;
      case 'readback':
        loop?.readback(m.force, m.light);
        return null;
      case 'configure':
        if (!loop) return null;
        if (m.speed !== undefined) loop.speed = m.speed;
        if (m.readbackInterval !== undefined) loop.readbackInterval = m.readbackInterval;
        if (m.stopAt !== undefined) loop.stopAt = m.stopAt;
        return null;
      case 'layout':
        engine?.setLayout?.(m.layout);
        return null;
      case 'save': {
        const t = engine?.trainer;
        if (!t) return null;
        const s = await t.captureState();
        return !m.onlyFinite || Trainer.isFinite(s) ? s : null;
      }
      case 'restore':
        engine?.trainer?.restoreState(m.state);
        return null;
      case 'weights':
        engine?.trainer?.[m.net].restore(m.weights);
        return null;
      case 'watchLoss':
        unwatch();
        unwatch = m.on ? watchWebglLoss(() => post({ type: 'lost' })) : () => {};
        return null;
      case 'loseContext':
        return loseWebglContext();
      case 'ack':
        handled = Math.max(handled, m.seq);
        return null;
      case 'dispose':
        if (m.run === built) engine?.dispose();
        return null;
    }
  }

  return async (m) => {
    try {
      const value = await run(m);
      post({ type: 'reply', id: m.id, ok: true, value, steps: steps(), tensors: tensors() });
    } catch (e) {
      post({ type: 'reply', id: m.id, ok: false, message: e instanceof Error ? e.message : String(e), steps: steps(), tensors: tensors() });
    }
  };
}
