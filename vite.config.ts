/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { inlineWorkers, singleFileHtml } from './scripts/vite-single-file';

// One config for the app and the three test projects:
// - unit: deterministic tests of src/core and src/state in Node, tfjs on the cpu backend, seeded;
// - claims: findings over seeds (what the lessons and the README state), on the backend and seeds
//   pinned in test/claims/pinned.ts;
// - browser: the built app (dist/) driven in real Chromium through Playwright.
//
// Two builds: `vite build` (dist/, static files, with a service worker that precaches every
// emitted file so the app works offline after the first visit) and `vite build --mode single`
// (`npm run build:single`: one self-contained dist-single/forgelab.html that trains from file://).

// A test project whose files run in Node: every test/<name>/…/*.test.ts.
function nodeProject(name: string, options: { maxWorkers?: number; fileParallelism?: boolean; testTimeout: number }) {
  return {
    extends: true as const,
    test: { name, include: [`test/${name}/**/*.test.ts`], environment: 'node' as const, hookTimeout: 120_000, ...options },
  };
}

export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
  base: './',
  // the manifest and icons are for an installed app; the single file inlines its icon instead
  publicDir: single ? false : 'public',
  plugins: single
    ? [inlineWorkers(), svelte(), viteSingleFile({ outputFileName: 'forgelab.html' }), singleFileHtml('public/icon.svg')]
    : [
        svelte(),
        VitePWA({
          // registered by src/main.ts (production, http(s) only); the manifest is public/manifest.webmanifest
          injectRegister: false,
          manifest: false,
          strategies: 'generateSW',
          filename: 'sw.js',
          workbox: {
            // everything the build emits: chunks (the lazily loaded views too), workers, CSS,
            // the tfjs wasm binaries, icons, manifest
            globPatterns: ['**/*.{html,js,css,wasm,svg,png,webmanifest}'],
            // the tfjs chunk and the wasm binaries are larger than workbox's 2 MiB default
            maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
            navigateFallback: 'index.html',
            cleanupOutdatedCaches: true,
            // no skipWaiting/clientsClaim: a new version takes over once every tab of the old one
            // is closed, so an open page never asks for a lazily loaded chunk that was replaced
          },
        }),
      ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    ...(single ? { outDir: 'dist-single' } : {}),
  },
  // The single file's workers are classic (iife) and one chunk each: they start from a blob: URL
  // with nothing beside them, and Chromium does not start a module worker from a blob: URL made
  // by a file:// page (its origin is opaque).
  worker: single ? { format: 'iife' as const, rolldownOptions: { output: { codeSplitting: false } } } : { format: 'es' as const },
  test: {
    projects: [
      // each file in its own module graph: sharing them (isolate: false) saved 22 s but made two
      // experiments tests fail depending on which file ran before them in the same worker
      nodeProject('unit', { maxWorkers: 2, testTimeout: 600_000 }),
      // long training runs are split over files; let both cores of a CI machine run them
      nodeProject('claims', { maxWorkers: 2, testTimeout: 600_000 }),
      // one Chromium at a time: the tests measure a responsive page
      nodeProject('browser', { fileParallelism: false, testTimeout: 300_000 }),
    ],
  },
  };
});
