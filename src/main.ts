import { mount } from 'svelte';
import App from './App.svelte';
import './styles.css';

// Hooks for the bench and browser tests: experiments in a Web Worker, loaded on first use.
const hooks = ((globalThis as unknown as { forgelab?: Record<string, unknown> }).forgelab ??= {});
hooks.experiments = {
  run: async (task: string, args: unknown[], opts?: import('./state/workerClient').WorkerRunOptions) =>
    (await import('./state/workerClient')).runInWorker(task, args, opts),
};

mount(App, { target: document.getElementById('app')! });
