// docs/INTERFACE.md is the contract tests, lessons and instructors' links rely on: it must name
// every route the router knows and every URL key of every view's settings table.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseHash } from '../../../src/state/shared/url';
import { PLAYGROUND_TABLE } from '../../../src/core/settings/config';
import { FACES_TABLE } from '../../../src/core/settings/faces';
import { EXPERIMENTS_TABLE } from '../../../src/core/settings/experiments';
import { BENCH_TABLE } from '../../../src/core/settings/bench';

const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/INTERFACE.md'), 'utf8');

describe('docs/INTERFACE.md', () => {
  it('lists every route, and each listed route is one the router knows', () => {
    const listed = [...doc.matchAll(/^\| `(#\/[^`]*)` \|/gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThanOrEqual(7);
    for (const r of listed) expect(parseHash(r.replace('<slug>', 'x')).name, r).not.toBe('notfound');
    for (const name of ['playground', 'faces', 'experiments', 'lessons', 'lesson', 'teach', 'bench'])
      expect(listed.map((r) => parseHash(r.replace('<slug>', 'x')).name)).toContain(name);
  });

  it('names every URL key of every settings table', () => {
    for (const table of [PLAYGROUND_TABLE, FACES_TABLE, EXPERIMENTS_TABLE, BENCH_TABLE])
      for (const row of table.rows) expect(doc, `URL key ${row.url}`).toContain(`\`${row.url}\``);
  });
});
