/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// One config for the app and the three test projects:
// - unit: deterministic tests of src/core and src/state in Node, tfjs on the cpu backend, seeded;
// - claims: findings over seeds (what the lessons and the README state), on the backend and seeds
//   pinned in test/claims/pinned.ts;
// - browser: the built app (dist/) driven in real Chromium through Playwright.
// A test project whose files run in Node: every test/<name>/…/*.test.ts.
function nodeProject(name: string, options: { maxWorkers?: number; fileParallelism?: boolean; testTimeout: number }) {
  return {
    extends: true as const,
    test: { name, include: [`test/${name}/**/*.test.ts`], environment: 'node' as const, hookTimeout: 120_000, ...options },
  };
}

export default defineConfig({
  base: './',
  plugins: [svelte()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  test: {
    projects: [
      nodeProject('unit', { maxWorkers: 2, testTimeout: 600_000 }),
      // long training runs are split over files; let both cores of a CI machine run them
      nodeProject('claims', { maxWorkers: 2, testTimeout: 600_000 }),
      // one Chromium at a time: the tests measure a responsive page
      nodeProject('browser', { fileParallelism: false, testTimeout: 300_000 }),
    ],
  },
});
