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

// Offline after the first visit: the service worker (vite-plugin-pwa) precaches every file the
// build emits. Only in a production build served over http(s): not in dev, not from file:// (the
// single-file build has nothing to fetch), and after load so it never competes with the first step.
if (import.meta.env.PROD && import.meta.env.MODE !== 'single' && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  addEventListener('load', () => navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('ForgeLab works online only: the service worker did not register.', e)), { once: true });
}
