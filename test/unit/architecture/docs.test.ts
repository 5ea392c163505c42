// docs/INTERFACE.md is the contract tests, lessons and instructors' links rely on: it must name
// every route the router knows and every URL key of every view's settings table.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseHash, ROUTE_NAMES, VIEW_KEYS } from '../../../src/state/shared/url';
import { PLAYGROUND_TABLE } from '../../../src/core/settings/config';
import { FACES_TABLE } from '../../../src/core/settings/faces';
import { EXPERIMENTS_TABLE } from '../../../src/core/settings/experiments';
import { BENCH_TABLE } from '../../../src/core/settings/bench';
import { GENERATIONS_TABLE } from '../../../src/core/settings/generations';

const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/INTERFACE.md'), 'utf8');

describe('docs/INTERFACE.md', () => {
  it('lists every route, and each listed route is one the router knows', () => {
    const listed = [...doc.matchAll(/^\| `(#\/[^`]*)` \|/gm)].map((m) => m[1]);
    for (const r of listed) expect(parseHash(r.replace('<slug>', 'x')).name, r).not.toBe('notfound');
    const names = listed.map((r) => parseHash(r.replace('<slug>', 'x')).name);
    for (const name of ROUTE_NAMES) expect(names, `route ${name}`).toContain(name);
  });

  it('names every URL key of every settings table', () => {
    for (const table of [PLAYGROUND_TABLE, FACES_TABLE, EXPERIMENTS_TABLE, BENCH_TABLE, GENERATIONS_TABLE])
      for (const row of table.rows) expect(doc, `URL key ${row.url}`).toContain(`\`${row.url}\``);
  });
  it('names every view key', () => {
    for (const key of VIEW_KEYS) expect(doc, `view key ${key}`).toMatch(new RegExp(`\`${key}(=1)?\``));
  });
});
