/**
 * What `npm run build:single` adds to vite-plugin-singlefile so that ONE html file trains from
 * disk (file://) with no network:
 *
 * - `inlineWorkers`: the app makes its workers with `new Worker(new URL('x.worker.ts',
 *   import.meta.url), …)`, which Vite always emits as separate files, and vite-plugin-singlefile
 *   only inlines what index.html references. This rewrites each such call (before Vite's own
 *   worker plugin sees it) to Vite's `?worker&inline` constructor, which carries the bundled worker
 *   as a string and starts it from a blob: URL (a classic worker: see `worker` in vite.config.ts).
 *   The source files stay as they are, so the normal build and dev server are untouched.
 * - `singleFileHtml`: after vite-plugin-singlefile has inlined the script and the stylesheet, the
 *   page's Content-Security-Policy would block the inline script (`script-src 'self'`). Rather than
 *   open it with 'unsafe-inline', this puts the sha256 of each inline script in script-src, so
 *   exactly the built code runs; and it adds `data:` to connect-src, because tfjs fetches its wasm
 *   binary, which is inlined as a data: URL. It also drops the web-manifest link (nothing to
 *   install from a file) and inlines the icon.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const WORKER_CALL = /new Worker\(\s*new URL\(\s*(['"])([^'"]+\.worker\.ts)\1\s*,\s*import\.meta\.url\s*\)\s*,/g;

export function inlineWorkers(): Plugin {
  return {
    name: 'forgelab:inline-workers',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (id.includes('/node_modules/') || !code.includes('new Worker(')) return null;
      const imports: string[] = [];
      const out = code.replace(WORKER_CALL, (_m, _q, path: string) => {
        const name = `__forgelabInlineWorker${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&inline`)};`);
        return `new ${name}(`;
      });
      if (!imports.length) return null;
      return { code: `${imports.join('\n')}\n${out}`, map: null };
    },
  };
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Rewrite one directive of a CSP string with `edit(sources)`. */
function editDirective(csp: string, name: string, edit: (sources: string[]) => string[]): string {
  return csp
    .split(';')
    .map((part) => {
      const [directive, ...sources] = part.trim().split(/\s+/);
      return directive === name ? [directive, ...edit(sources)].join(' ') : part.trim();
    })
    .join('; ');
}

/** Stands in script-src for the hashes until the script is inlined (so vite-plugin-singlefile's CSP check sees a hash). */
const PENDING = "'sha256-pending-forgelab-single-file'";

export function singleFileHtml(iconPath: string): Plugin {
  return {
    name: 'forgelab:single-file-html',
    enforce: 'post',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/, (_m, a: string, csp: string, b: string) =>
          a + editDirective(csp, 'script-src', (s) => [...s.filter((v) => v !== "'self'"), PENDING]) + b),
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          let html = String(file.source);
          const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => m[1].length).map((m) => sha256(m[1]));
          const icon = `data:image/svg+xml;base64,${readFileSync(iconPath).toString('base64')}`;
          html = html
            .replace(/\s*<link rel="(?:manifest|apple-touch-icon)"[^>]*>/g, '')
            .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" />`)
            .replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/, (_m, a: string, csp: string, b: string) => {
              let out = editDirective(csp, 'script-src', (s) => [...s.filter((v) => v !== PENDING), ...hashes]);
              out = editDirective(out, 'connect-src', (s) => [...s, 'data:']);
              return a + out + b;
            });
          if (!hashes.length || !html.includes(hashes[0]) || html.includes(PENDING)) this.error('single-file build: the script hash did not reach the Content-Security-Policy meta');
          file.source = html;
        }
      },
    },
  };
}
