// The layer rules (docs/ARCHITECTURE.md) hold for every file under src/, and the checker finds
// each kind of break: it is run on the real tree and on small made-up trees with known breaks.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { checkLayers } from './layers';
import type { SourceFile } from './layers';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|svelte|js|mjs)$/.test(e.name)) out.push({ path: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') });
  }
  return out;
}

describe('layer rules', () => {
  it('hold for every file under src/', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(50);
    expect(checkLayers(files)).toEqual([]);
  });

  it('find the breaks the tree used to have (issue 12)', () => {
    const tree: SourceFile[] = [
      // a worker reading view state, and the reverse import that made a cycle
      { path: 'src/workers/facesRun.ts', text: "import { evaluateFaces } from '../state/facesEval';" },
      // state reaching outside src
      { path: 'src/state/bench.ts', text: "import { timeReference } from '../../bench/reference';" },
      // a chart importing state, and a chart importing a component
      { path: 'src/charts/plot.ts', text: "import type { Playground } from '../state/playground.svelte';\nimport X from '../components/X.svelte';" },
      // core importing state, d3, Svelte, and touching the DOM and Math.random
      { path: 'src/core/a.ts', text: "import { x } from '../state/url';\nimport * as d3 from 'd3';\nimport { mount } from 'svelte';\nexport const w = window.innerWidth + Math.random();\nexport const d = () => document.title;" },
      // a dynamic import and a worker URL count as imports too
      { path: 'src/workers/b.ts', text: "const m = () => import('../components/View.svelte');\nnew Worker(new URL('../state/x.ts', import.meta.url));" },
      // a component's script block is read
      { path: 'src/core/c.svelte', text: "<script lang=\"ts\">import { x } from '../state/y';</script><p>hi</p>" },
      // a component writing the test hooks itself (ExperimentsView overwrote main.ts's hook this way)
      { path: 'src/components/V.svelte', text: '<script lang="ts">(globalThis as any).forgelab.experiments = {};</script>' },
    ];
    const rules = checkLayers(tree).map((v) => `${v.file}: ${v.rule} (${v.detail})`);
    expect(rules).toEqual([
      'src/workers/facesRun.ts: workers import core and the worker protocol, never state or components (../state/facesEval)',
      'src/state/bench.ts: nothing in src imports from outside src (../../bench/reference)',
      'src/charts/plot.ts: charts never import state or components (../state/playground.svelte)',
      'src/charts/plot.ts: charts never import state or components (../components/X.svelte)',
      'src/core/a.ts: core imports only core and tfjs (../state/url)',
      'src/core/a.ts: core imports only core and tfjs (d3)',
      'src/core/a.ts: core imports only core and tfjs (svelte)',
      'src/core/a.ts: core never calls Math.random (use core/shared/rng.ts) (Math.random)',
      'src/core/a.ts: core has no DOM (window)',
      'src/core/a.ts: core has no DOM (document)',
      'src/workers/b.ts: workers import core and the worker protocol, never state or components (../components/View.svelte)',
      'src/workers/b.ts: workers import core and the worker protocol, never state or components (../state/x.ts)',
      'src/core/c.svelte: core imports only core and tfjs (../state/y)',
      'src/components/V.svelte: only src/state/shared/hooks.ts touches globalThis.forgelab (forgelab)',
    ]);
  });

  it('do not count comments, strings or property names', () => {
    const tree: SourceFile[] = [
      {
        path: 'src/core/ok.ts',
        text: [
          "// never Math.random(); the window of the run; import x from '../state/y'",
          "/* document.title */",
          "export const label = 'Math.random and window are words here';",
          'export const o = { window: 3, document: 4 };',
          'export function f(p: { location: number }) { return p.location + o.window; }',
          "import { tf } from '@tensorflow/tfjs-core';",
          "import { Rng } from './shared/rng';",
        ].join('\n'),
      },
      { path: 'src/charts/ok.ts', text: "import * as d3 from 'd3';\nimport type { Point } from '../core/data/datasets';" },
      { path: 'src/workers/ok.ts', text: "import { run } from '../core/skew/skew';\nimport type { RunMessage } from './shared/protocol';" },
    ];
    expect(checkLayers(tree)).toEqual([]);
  });
});
