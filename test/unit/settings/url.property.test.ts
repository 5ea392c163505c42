import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeConfig, parseHash } from '../../../src/state/shared/url';
import { SETTINGS } from '../../../src/core/settings/config';
import type { Config } from '../../../src/core/settings/config';

/** Every setting in a decoded config is of its type and inside its range. */
function assertValid(cfg: Config) {
  for (const s of SETTINGS) {
    const v = cfg[s.key];
    if (s.kind === 'enum') expect(s.options.map((o) => o.value)).toContain(v);
    else {
      expect(typeof v).toBe('number');
      expect(Number.isFinite(v)).toBe(true);
      expect(v as number).toBeGreaterThanOrEqual(s.min);
      expect(v as number).toBeLessThanOrEqual(s.max);
      if (s.kind === 'int') expect(Number.isInteger(v)).toBe(true);
    }
  }
}

const keys = fc.constantFrom(...SETTINGS.map((s) => s.url), 'present', 'zzz', '', '__proto__', 'constructor');
const values = fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String), fc.constantFrom('NaN', 'Infinity', '-0', '1e400', '0x10', ' 3 ', 'webgl', 'groups'));

describe('URL decoding (property-based)', () => {
  it('never throws on any hash string and always yields a valid, clamped config', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (hash) => {
        const route = parseHash(hash);
        const d = decodeConfig(route.params);
        assertValid(d.config);
      }),
      { numRuns: 2000 },
    );
  });

  it('names every ignored or changed key in a notice', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 12 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const d = decodeConfig(params);
        assertValid(d.config);
        // a key that is neither a setting nor a view key is always reported
        for (const [k] of pairs) {
          if (!SETTINGS.some((s) => s.url === k.trim()) && !['present', 'embed', 'manifold', 'arrows', 'field', 'play', 'steps'].includes(k.trim())) {
            expect(d.notices.some((n) => n.includes(JSON.stringify(k.length > 40 ? k.slice(0, 40) + '…' : k)))).toBe(true);
          }
        }
        // prototype keys never leak onto the config object
        expect(Object.keys(d.config).sort()).toEqual(SETTINGS.map((s) => s.key as string).sort());
      }),
      { numRuns: 1000 },
    );
  });
});
