/**
 * Every browser test file drives the built app (dist/, served by `vite preview`) in one Chromium:
 * `const app = builtApp();` starts both before the file's tests and closes them after.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright';
// @ts-expect-error plain JS helper shared with the bench
import { launch, serveDist } from '../../scripts/browser.mjs';

export interface BuiltApp {
  browser: Browser;
  /** The preview server's address, ending in "/". */
  url: string;
}

export function builtApp(): BuiltApp {
  const app = {} as BuiltApp;
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    server = await serveDist();
    app.url = server!.url;
    app.browser = await launch();
  });
  afterAll(async () => {
    await app.browser?.close();
    await server?.close();
  });
  return app;
}
