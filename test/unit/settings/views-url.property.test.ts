/**
 * The faces and experiments views read their own settings from the link: any query decodes
 * without throwing into valid, clamped settings, names what it ignored, and a decoded link
 * encodes back to itself (the view rewrites the address from the settings it shows).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHash } from '../../../src/state/shared/url';
import { decodeFaces, encodeFaces } from '../../../src/state/faces/facesSettings';
import type { FaceSettings } from '../../../src/state/faces/facesSettings';
import { decodeExperiments, encodeExperiments, HIRING_MINORITY_RANGE, STEPS_RANGE } from '../../../src/state/experiments/experimentsUrl';
import { FACE_SIZES, MAX_DARKER_SHARE, MIN_DARKER_SHARE } from '../../../src/core/faces/faces';
import { SETTINGS } from '../../../src/core/settings/config';

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
  expect(Object.keys(s).sort()).toEqual(['backend', 'darker', 'seed', 'size']);
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
    const keys = fc.constantFrom('darker', 'seed', 'size', 'backend', 'present', 'zzz', '', '__proto__', 'constructor');
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 10 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const d = decodeFaces(params);
        assertFaces(d.settings);
        const known = ['darker', 'seed', 'size', 'backend', 'present', 'embed', 'play'];
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
