import { mount } from 'svelte';
import App from './App.svelte';
import './styles.css';
import { parseHash } from './state/url';
import { loadBackend } from './core/backend';
import { backendOptions } from './state/platform';

// Hooks for the bench and browser tests: experiments in a Web Worker, loaded on first use.
const hooks = ((globalThis as unknown as { forgelab?: Record<string, unknown> }).forgelab ??= {});
hooks.experiments = {
  run: async (task: string, args: unknown[], opts?: import('./state/workerClient').WorkerRunOptions) =>
    (await import('./state/workerClient')).runInWorker(task, args, opts),
};

// The playground starts on wasm unless told otherwise: fetch and compile it while the page mounts.
const first = parseHash(location.hash);
const wanted = first.params.get('backend');
if (first.name === 'playground' && (wanted === null || wanted === 'auto' || wanted === 'wasm')) void loadBackend('wasm', backendOptions);

mount(App, { target: document.getElementById('app')! });
