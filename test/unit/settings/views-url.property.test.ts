/**
 * Every view reads its settings from the link by its table and the one codec: any query decodes
 * without throwing into valid, clamped settings, names what it ignored, and a decoded link
 * encodes back to itself (the view rewrites the address from the settings it shows).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeTable, encodeTable, parseHash, VIEW_KEYS } from '../../../src/state/shared/url';
import { decodeFaces, encodeFaces } from '../../../src/state/faces/facesSettings';
import type { FaceSettings } from '../../../src/state/faces/facesSettings';
import { decodeExperiments, encodeExperiments, HIRING_MINORITY_RANGE, STEPS_RANGE } from '../../../src/state/experiments/experimentsUrl';
import { FACE_SIZES, MAX_DARKER_SHARE, MIN_DARKER_SHARE } from '../../../src/core/faces/faces';
import { PLAYGROUND_TABLE, SETTINGS } from '../../../src/core/settings/config';
import { clampNumber, isValid, tableProblems } from '../../../src/core/settings/table';
import type { SettingRow, SettingsTable } from '../../../src/core/settings/table';
import { FACES_TABLE } from '../../../src/core/settings/faces';
import { EXPERIMENTS_TABLE } from '../../../src/core/settings/experiments';
import { BENCH_TABLE } from '../../../src/core/settings/bench';
import { GENERATIONS_TABLE } from '../../../src/core/settings/generations';

const values = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom('NaN', 'Infinity', '-0', '1e400', '0x10', ' 3 ', 'webgl', 'wasm', '16', '32', '0.1', '0.5'),
);

function assertFaces(s: FaceSettings): void {
  expect(s.darker).toBeGreaterThanOrEqual(MIN_DARKER_SHARE);
  expect(s.darker).toBeLessThanOrEqual(MAX_DARKER_SHARE);
  expect(Number.isInteger(s.seed) && s.seed >= 1).toBe(true);
  expect(FACE_SIZES).toContain(s.size);
  expect(['auto', 'webgl', 'wasm', 'cpu']).toContain(s.backend);
  expect([2000, 32]).toContain(s.trainFaces);
  expect(Object.keys(s).sort()).toEqual(['backend', 'darker', 'seed', 'size', 'trainFaces']);
}

describe('faces link (property-based)', () => {
  it('any hash decodes to valid settings that survive a round trip', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (tail) => {
        const d = decodeFaces(parseHash('#/faces?' + tail).params);
        assertFaces(d.settings);
        expect(decodeFaces(new URLSearchParams(encodeFaces(d.settings))).settings).toEqual(d.settings);
      }),
      { numRuns: 2000 },
    );
  });

  it('names every key it does not know, and every value it changed', () => {
    const keys = fc.constantFrom('darker', 'seed', 'size', 'train', 'backend', 'present', 'zzz', '', '__proto__', 'constructor');
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 10 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const d = decodeFaces(params);
        assertFaces(d.settings);
        const known = ['darker', 'seed', 'size', 'train', 'backend', 'present', 'embed', 'play'];
        for (const [k] of pairs) if (!known.includes(k)) expect(d.notices.some((n) => n.includes(JSON.stringify(k)))).toBe(true);
        // the first value of a known key is used as given, or a notice says what happened to it
        const first = new Map<string, string>();
        for (const [k, v] of pairs) if (!first.has(k)) first.set(k, v);
        const given = first.get('size');
        if (given !== undefined && String(d.settings.size) !== given.trim()) expect(d.notices.some((n) => n.startsWith('Image size'))).toBe(true);
        const darker = first.get('darker');
        if (darker !== undefined && Number(darker.trim()) !== d.settings.darker) expect(d.notices.some((n) => n.startsWith('Darker share'))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('experiments link (property-based)', () => {
  const keys = fc.constantFrom('steps', 'hminority', 'seed', 'recipe', 'minority', 'data', 'place', 'points', 'zzz', '__proto__');
  it('any query decodes to two-group settings in range that survive a round trip', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 10 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const d = decodeExperiments(params);
        const s = d.settings;
        expect(s.config.data).toBe('groups');
        expect(Number.isInteger(s.steps) && s.steps >= STEPS_RANGE.min && s.steps <= STEPS_RANGE.max).toBe(true);
        expect(s.hiringMinority).toBeGreaterThanOrEqual(HIRING_MINORITY_RANGE.min);
        expect(s.hiringMinority).toBeLessThanOrEqual(HIRING_MINORITY_RANGE.max);
        for (const st of SETTINGS) {
          const v = s.config[st.key];
          if (st.kind === 'enum') expect(st.options.map((o) => o.value)).toContain(v);
          else expect((v as number) >= st.min && (v as number) <= st.max).toBe(true);
        }
        if (pairs.some(([k]) => k === 'zzz')) expect(d.notices.some((n) => n.includes('"zzz"'))).toBe(true);
        const again = decodeExperiments(new URLSearchParams(encodeExperiments(s)));
        expect(again.settings).toEqual(s);
        expect(again.notices).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * Every view's table through the one codec: any valid settings encode to a link that decodes
 * back to exactly them with no notice, and any query decodes to valid settings, naming every
 * key it ignored and every value it changed.
 */
const VIEWS: { name: string; table: SettingsTable<object>; allowed: readonly string[] }[] = [
  { name: 'playground', table: PLAYGROUND_TABLE as SettingsTable<object>, allowed: VIEW_KEYS },
  { name: 'faces', table: FACES_TABLE as SettingsTable<object>, allowed: ['present', 'embed', 'play'] },
  { name: 'experiments', table: EXPERIMENTS_TABLE as SettingsTable<object>, allowed: ['present', 'embed'] },
  { name: 'bench', table: BENCH_TABLE as SettingsTable<object>, allowed: ['seeds', 'run', 'present', 'embed'] },
  { name: 'generations', table: GENERATIONS_TABLE as SettingsTable<object>, allowed: ['present', 'embed', 'play'] },
];

/** A value a row allows, as a link keeps it. */
function validValue(row: SettingRow): fc.Arbitrary<unknown> {
  if (row.kind === 'enum' || row.kind === 'choice') return fc.constantFrom(...row.options.map((o) => o.value));
  if (row.kind === 'int') return fc.integer({ min: row.min, max: row.max });
  const lo = row.kind === 'log' ? Math.log10(row.min) : row.min;
  const hi = row.kind === 'log' ? Math.log10(row.max) : row.max;
  return fc.double({ min: lo, max: hi, noNaN: true }).map((x) => clampNumber(row, row.kind === 'log' ? 10 ** x : x));
}

function assertAllowed(table: SettingsTable<object>, s: object): void {
  expect(Object.keys(s).sort()).toEqual(Object.keys(table.defaults).sort());
  for (const row of table.rows) expect(isValid(row, (s as Record<string, unknown>)[row.key]), `${row.key}=${String((s as Record<string, unknown>)[row.key])}`).toBe(true);
}

describe.each(VIEWS)('the $name table through the shared codec (property-based)', ({ table, allowed }) => {
  it('is well formed: URL keys unique and apart from view keys, defaults allowed', () => {
    expect(tableProblems(table, allowed)).toEqual([]);
    expect(encodeTable(table, table.defaults)).toBe('');
  });

  it('round-trips any valid settings, writing only the non-defaults', () => {
    const settings = fc.record(Object.fromEntries(table.rows.map((r) => [r.key, validValue(r)])));
    fc.assert(
      fc.property(settings, (s) => {
        const full = { ...table.defaults, ...s };
        const q = encodeTable(table, full);
        const back = decodeTable(table, new URLSearchParams(q), { allowed });
        expect(back.settings).toEqual(full);
        expect(back.notices).toEqual([]);
        const written = new Set(new URLSearchParams(q).keys());
        for (const row of table.rows) expect(written.has(row.url)).toBe((full as Record<string, unknown>)[row.key] !== (table.defaults as Record<string, unknown>)[row.key]);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes any query to valid settings and names what it ignored or changed', () => {
    const keys = fc.constantFrom(...table.rows.map((r) => r.url), ...allowed, 'zzz', '', ' seed', '__proto__', 'constructor');
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 10 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const d = decodeTable(table, params, { allowed });
        assertAllowed(table, d.settings);
        const shown = (k: string) => JSON.stringify(k.length > 40 ? k.slice(0, 40) + '…' : k);
        const seen = new Set<string>();
        for (const [k, v] of pairs) {
          const key = k.trim();
          if (seen.has(key)) {
            expect(d.notices).toContain(`The link sets ${shown(k)} twice; the first value was used.`);
            continue;
          }
          seen.add(key);
          const row = table.rows.find((r) => r.url === key);
          if (!row) {
            if (!allowed.includes(key)) expect(d.notices.some((n) => n.includes(shown(k)) && n.includes('ignored'))).toBe(true);
            continue;
          }
          // the value is used as written, or a notice under the setting's label says what happened
          const got = (d.settings as Record<string, unknown>)[row.key];
          const asWritten = row.kind === 'enum' ? got === v.trim() : got === Number(v.trim()) && v.trim() !== '' && !/^[+-]?0[xbo]|inf/i.test(v.trim());
          if (!asWritten) expect(d.notices.some((n) => n.startsWith(`${row.label}: `))).toBe(true);
          else expect(d.set).toContain(row.key);
        }
        // a decoded link writes itself back: decoding that again changes nothing and says nothing
        const again = decodeTable(table, new URLSearchParams(encodeTable(table, d.settings)), { allowed });
        expect(again.settings).toEqual(d.settings);
        expect(again.notices).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
