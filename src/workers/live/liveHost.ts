/**
 * The worker side of live training: one playground run (core/loop/playgroundEngine.ts) on the
 * worker's own tfjs backend, driven by the page's commands (protocol.ts). Training slices are
 * message-channel tasks, so the page's commands run between them. The dispatch takes its message
 * sink and scheduler as arguments, so it runs in Node tests as it does in the worker.
 */
import { tf } from '../../core/shared/tf';
import { useBackend } from '../../core/backend/backend';
import type { BackendDecision, BackendOptions } from '../../core/backend/backend';
import { chooseBackend, loseWebglContext, watchWebglLoss } from '../../core/backend/choose';
import { PlaygroundEngine } from '../../core/loop/playgroundEngine';
import { Trainer } from '../../core/gan/trainer';
import type { LoopHost } from '../../core/loop/sliceLoop';
import { toWire } from './protocol';
import type { LiveCommand, LiveEvent, LiveHello } from './protocol';

/** Live tensors in this worker (0 before a backend is loaded: tfjs then has none to ask). */
function tensors(): number {
  try {
    return tf.memory().numTensors;
  } catch {
    return 0;
  }
}

/** Snapshots the page may have in hand, unhandled, before the worker holds the next ones back. */
const MAX_UNHANDLED = 2;

export function liveHost(post: (m: LiveEvent, transfer?: Transferable[]) => void, host: LoopHost, offscreen: boolean): (m: LiveCommand) => Promise<void> {
  let backend: BackendOptions = {};
  const cache = new Map<string, BackendDecision>();
  let unwatch = () => {};
  let seq = 0;
  let built = 0;
  let handled = 0;
  const engine = new PlaygroundEngine(
    host,
    {
      snapshot: (s) => {
        const { wire, transfer } = toWire(s);
        post({ type: 'snapshot', seq: ++seq, snapshot: wire, steps: engine.trainer?.steps ?? 0, tensors: tensors() }, transfer);
      },
      diverged: (step) => post({ type: 'diverged', step }),
      failed: (e) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
    },
    (fn) => setTimeout(fn, 1000),
  );
  // the loop asks before each unforced readback whether the page keeps up
  engine.loop.mayPost = () => seq - handled < MAX_UNHANDLED;

  async function run(m: LiveCommand): Promise<unknown> {
    const loop = engine.loop;
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
      case 'build':
        engine.build(m.request);
        seq = handled = 0;
        return { g: engine.trainer!.G.size, d: engine.trainer!.D.size, run: ++built };
      case 'play':
        loop.play();
        return null;
      case 'pause':
        loop.pause();
        return null;
      case 'step':
        loop.stepOnce(m.kind);
        return null;
      case 'runSteps':
        loop.runSteps(m.n);
        return null;
      case 'readback':
        loop.readback(m.force);
        return null;
      case 'configure':
        if (m.speed !== undefined) loop.speed = m.speed;
        if (m.readbackInterval !== undefined) loop.readbackInterval = m.readbackInterval;
        return null;
      case 'layout':
        engine.setLayout(m.layout);
        return null;
      case 'save': {
        const t = engine.trainer;
        if (!t) return null;
        const s = await t.captureState();
        return !m.onlyFinite || Trainer.isFinite(s) ? s : null;
      }
      case 'restore':
        engine.trainer?.restoreState(m.state);
        return null;
      case 'weights':
        engine.trainer?.[m.net].restore(m.weights);
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
        if (m.run === built) engine.dispose();
        return null;
    }
  }

  return async (m) => {
    try {
      const value = await run(m);
      post({ type: 'reply', id: m.id, ok: true, value, steps: engine.trainer?.steps ?? 0, tensors: tensors() });
    } catch (e) {
      post({ type: 'reply', id: m.id, ok: false, message: e instanceof Error ? e.message : String(e), steps: engine.trainer?.steps ?? 0, tensors: tensors() });
    }
  };
}
