// Your own data as CSV: good files become points scaled to the plot; every bad file is
// rejected with errors that name their line and column, and the data in use stays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIT, MAX_ROWS, importPoints, parsePointsCsv } from '../../../src/state/playground/csvImport';
import type { DrawnPoint } from '../../../src/core/data/datasets';

const previous: DrawnPoint[] = [{ x: 0.1, y: 0.2, group: 0 }, { x: -0.3, y: 0.4, group: 1 }];

describe('CSV import', () => {
  it('reads a header in any order and case, scales to the plot keeping the aspect ratio, maps two groups to A and B', () => {
    const r = parsePointsCsv('Group,Y,X\nnorth,0,10\nsouth,5,20\nnorth,10,30\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.groupNames).toEqual(['north', 'south']);
    // x spans 10..30 (20), y 0..10 (10): the longer side fills −FIT…FIT, centred
    const want = [
      [-FIT, -FIT / 2, 0],
      [0, 0, 1],
      [FIT, FIT / 2, 0],
    ];
    r.points.forEach((p, i) => {
      expect(p.x).toBeCloseTo(want[i][0], 12);
      expect(p.y).toBeCloseTo(want[i][1], 12);
      expect(p.group).toBe(want[i][2]);
    });
    expect(r.notices.join(' ')).toMatch(/“north” is Group A, “south” is Group B/);
  });

  it('reads headerless x, y (one group) and x, y, group; skips blank lines', () => {
    const a = parsePointsCsv('1,2\n\n3,4\n');
    expect(a.ok && a.points.length).toBe(2);
    expect(a.ok && a.points.every((p) => p.group === 0)).toBe(true);
    const b = parsePointsCsv('1,2,a\n3,4,b\n');
    expect(b.ok && b.points.map((p) => p.group)).toEqual([0, 1]);
  });

  it('names the line and column: a bad number, a missing column, a third group, an empty group, after a quoted line break', () => {
    const bad = parsePointsCsv('x,y,group\n1,2,a\n1,oops,b\n3\n1,1,c\n2,2,\n"4\n",5,a\n7,x,a');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 2],
      [4, 2],
      [4, 3],
      [5, 3],
      [6, 3],
      // line 7's quoted x holds a line break ("4⏎" is the number 4): the next row starts on line 9
      [9, 2],
    ]);
    expect(bad.errors[0].message).toBe('Line 3, column 2 (y): “oops” is not a number.');
  });

  it(`uses the first ${MAX_ROWS} rows with a notice`, () => {
    const text = Array.from({ length: MAX_ROWS + 7 }, (_, i) => `${i},${i % 13}`).join('\n');
    const r = parsePointsCsv(text);
    expect(r.ok && r.points.length).toBe(MAX_ROWS);
    expect(r.ok && r.notices[0]).toBe('Used the first 5,000 of 5,007 rows; the rest were left out.');
  });

  it('property: every generated bad CSV is rejected, every error names a real line and column, the old data is kept', () => {
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => String(v));
    const row = fc.tuple(num, num, fc.constantFrom('a', 'b'));
    const badCell = fc.constantFrom('', 'abc', 'NaN', '1,5x', 'Infinity', '--2', '.');
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.boolean(), fc.nat(), fc.nat(2), badCell, (rows, header, at, col, bad) => {
        const cells = rows.map((r) => [...r]);
        const k = at % cells.length;
        // a bad x or y is a non-number; a bad group is empty or a third group
        cells[k][col] = col === 2 ? (bad === '' ? '' : 'zzz-third') : bad;
        if (col === 2 && bad !== '') for (const r of cells) if (r !== cells[k] && r[2] === 'zzz-third') r[2] = 'a';
        if (col === 2 && bad !== '') {
          // a third group needs two others before it
          cells.splice(k, 0, ['0', '0', 'a'], ['0', '0', 'b']);
        }
        const body = cells.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
        const text = (header ? ['x,y,group', ...body] : body).join('\n');
        const lineCount = text.split('\n').length;
        const { points, result } = importPoints(previous, text);
        expect(result.ok).toBe(false);
        expect(points).toBe(previous);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(Number.isInteger(e.line) && e.line >= 1 && e.line <= lineCount).toBe(true);
          expect(Number.isInteger(e.column) && e.column >= 1 && e.column <= 3).toBe(true);
          expect(e.message).toMatch(new RegExp(`^(Line ${e.line}\\b|The header|There)`));
        }
        const badLine = (header ? 2 : 1) + (col === 2 && bad !== '' ? k + 2 : k);
        const badCol = col + 1;
        // headerless, a bad first x or y reads as a header without x and y: still line 1
        if (!(k === 0 && !header && col < 2)) expect(result.errors.some((e) => e.line === badLine && e.column === badCol)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
