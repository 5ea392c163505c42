/**
 * The shared table format and codec on hand-picked cases: the notice each kind of bad value
 * gets, clamping and rounding, and the bench's and faces' tables (the property tests cover any
 * query; these pin the exact wording and values).
 */
import { describe, expect, it } from 'vitest';
import { clampNumber, extendTable, tableProblems } from '../../../src/core/settings/table';
import type { NumberRow, SettingsTable } from '../../../src/core/settings/table';
import { BENCH_TABLE, benchSeeds } from '../../../src/core/settings/bench';
import { FACES_TABLE } from '../../../src/core/settings/faces';
import { SKEW_PRESETS } from '../../../src/core/skew/skew';
import { FACE_PRESETS } from '../../../src/state/faces/facesSettings';
import { decodeTable, encodeTable } from '../../../src/state/shared/url';

const share: NumberRow<'share'> = { key: 'share', url: 's', kind: 'float', min: 0.01, max: 0.5, label: 'Share', help: '', section: 'x' };
const count: NumberRow<'count'> = { key: 'count', url: 'c', kind: 'int', min: 1, max: 10, label: 'Count', help: '', section: 'x' };
const tiny: SettingsTable<{ share: number; count: number; size: number }> = {
  rows: [share, count, { key: 'size', url: 'z', kind: 'choice', options: [{ value: 16, label: '16 px' }, { value: 32, label: '32 px' }], label: 'Size', help: '', section: 'x' }],
  defaults: { share: 0.1, count: 2, size: 16 },
};

describe('settings table', () => {
  it('clamps numbers, rounds integers and keeps 4 significant digits', () => {
    expect(clampNumber(share, 0.9)).toBe(0.5);
    expect(clampNumber(share, 0.123456)).toBe(0.1235);
    expect(clampNumber(count, 2.5)).toBe(3);
    expect(clampNumber(count, -0)).toBe(1);
    expect(clampNumber(share, NaN)).toBeNull();
    expect(Object.is(clampNumber({ ...count, min: -1 }, -0), 0)).toBe(true);
  });

  it('finds a table’s mistakes', () => {
    const bad = { rows: [share, { ...count, url: 's' }, { ...count, key: 'gone' as 'count', url: 'g' }], defaults: { share: 0.9, count: 2 } };
    expect(tableProblems(bad as unknown as SettingsTable<object>, ['present'])).toEqual(["share's default is not allowed by its row", 'URL key s is used twice', 'gone has no default']);
    const longer = extendTable(tiny, [{ ...count, key: 'more', url: 'm' }], { ...tiny.defaults, more: 5 });
    expect(longer.rows.map((r) => r.url)).toEqual(['s', 'c', 'z', 'm']);
    expect(tableProblems(longer)).toEqual([]);
  });
});

describe('the shared link codec', () => {
  it('names each bad value, key and repeat in its notice', () => {
    const d = decodeTable(tiny, new URLSearchParams('s=0x10&c=2.5&z=20&s=0.2&zzz=1&present=1'), { knownBy: 'this view' });
    expect(d.settings).toEqual({ share: 0.1, count: 3, size: 16 });
    expect(d.set).toEqual(['count']);
    expect(d.notices).toEqual([
      'Share: "0x10" is not a number, so 0.1 was kept.',
      'Count: "2.5" is not whole, so 3 was used.',
      'Size: "20" is not an option (16, 32), so 16 px was kept.',
      'The link sets "s" twice; the first value was used.',
      'The link’s setting "zzz" is not one this view knows, so it was ignored.',
    ]);
    expect(decodeTable(tiny, new URLSearchParams('s=0.123456&c=40')).notices).toEqual([
      'Share: "0.123456" has more digits than a link keeps, so 0.1235 was used.',
      'Count: "40" is outside 1–10, so 10 was used.',
    ]);
  });

  it('writes only non-defaults, in table order, then the extra keys', () => {
    expect(encodeTable(tiny, { share: 0.1, count: 2, size: 16 })).toBe('');
    expect(encodeTable(tiny, { share: 0.1000001, count: 2, size: 32 }, { present: '1' })).toBe('z=32&present=1');
    expect(encodeTable(tiny, { size: 16, count: 7, share: 1 / 3 })).toBe('s=0.3333&c=7');
  });
});

describe('the views’ own tables', () => {
  it('bench: clamps its numbers, refuses hex, keeps the run key quiet and reads seed lists', () => {
    const d = decodeTable(BENCH_TABLE, new URLSearchParams('backend=wasm&recipe=plain&steps=0x10&hcap=5000&refms=150&run=1'), { allowed: ['seeds', 'run'] });
    expect(d.settings).toEqual({ ...BENCH_TABLE.defaults, backend: 'wasm', recipe: 'plain', headlessCapSeconds: 3600, referenceMs: 150 });
    expect(d.notices).toHaveLength(2);
    expect(benchSeeds('2-4')).toEqual([2, 3, 4]);
    expect(benchSeeds('1,0,7,2.5,x')).toEqual([1, 7]);
    expect(benchSeeds('1-999999999')).toHaveLength(50);
  });

  it('faces: image sizes are a fixed choice, and the split presets are the skew presets', () => {
    expect(decodeTable(FACES_TABLE, new URLSearchParams('size=32.0')).settings.size).toBe(32);
    expect(FACE_PRESETS).toEqual(SKEW_PRESETS.map((p) => ({ label: p.label, darker: p.config.minority })));
    expect(FACE_PRESETS.map((p) => p.label)).toEqual(['50/50', '70/30', '90/10', '97/3']);
  });
});
