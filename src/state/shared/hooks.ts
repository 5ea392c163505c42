/**
 * The one module that writes `globalThis.forgelab`: the bench (bench/run.mjs), the soak and the
 * browser tests read the app's state through it, read-only. A view exposes what it owns when it
 * mounts and takes it back when it is destroyed; no component touches the global itself.
 */
export type HookName =
  /** main.ts: run a core task by name in a worker (the bench's experiment timings). */
  | 'experiments'
  /** The experiments view's rebalancing and hiring runs. */
  | 'experimentRuns'
  | 'playground'
  /** Force a WebGL context loss (the fault tests). */
  | 'loseWebglContext'
  | 'faces'
  /** The playground's multi-seed runner and its CSV. */
  | 'seeds'
  | 'lessons'
  /** The generations view's run (a Job) and its settings. */
  | 'generations'
  /** The generations view's faces-across-generations run (a Job). */
  | 'facesGenerations';

type Hooks = Partial<Record<HookName, unknown>>;

function hooks(): Hooks {
  const g = globalThis as unknown as { forgelab?: Hooks };
  return (g.forgelab ??= {});
}

/** Expose `value` as `forgelab[name]`; the returned function removes it again (if still ours). */
export function exposeForTests(name: HookName, value: unknown): () => void {
  const h = hooks();
  h[name] = value;
  return () => {
    if (h[name] === value) delete h[name];
  };
}
