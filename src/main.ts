import { mount } from 'svelte';
import App from './App.svelte';
import './styles.css';
import { parseHash } from './state/shared/url';
import { loadBackend } from './core/backend/backend';
import { backendOptions } from './state/platform/wasmAssets';
import { runInWorker } from './state/shared/workerClient';
import { exposeForTests } from './state/shared/hooks';

// Hook for the bench and browser tests: run a core function by name in the experiments worker.
exposeForTests('experiments', { run: runInWorker });

// The playground starts on wasm unless told otherwise: fetch and compile it while the page mounts.
const first = parseHash(location.hash);
const wanted = first.params.get('backend');
if (first.name === 'playground' && (wanted === null || wanted === 'auto' || wanted === 'wasm')) void loadBackend('wasm', backendOptions);

mount(App, { target: document.getElementById('app')! });
