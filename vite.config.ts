/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// One config for the app and the three test projects:
// - unit: deterministic tests of src/core and src/state in Node, tfjs on the cpu backend, seeded;
// - claims: findings over seeds (what the lessons and the README state), on the backend and seeds
//   pinned in test/claims/pinned.ts;
// - browser: the built app (dist/) driven in real Chromium through Playwright.
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
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          maxWorkers: 2,
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'claims',
          include: ['test/claims/**/*.test.ts'],
          environment: 'node',
          // long training runs are split over files; let both cores of a CI machine run them
          maxWorkers: 2,
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
