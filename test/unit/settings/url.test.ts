import { describe, expect, it } from 'vitest';
import { decodeConfig, encodeConfig, parseHash, rewordNotices } from '../../../src/state/shared/url';
import { DEFAULT_CONFIG } from '../../../src/core/settings/config';

describe('URL codec', () => {
  it('round-trips every non-default setting', () => {
    const cfg = { ...DEFAULT_CONFIG, seed: 7, data: 'ring' as const, minority: 0.1, lrG: 3e-4, gLayers: 3, recipe: 'plain' as const };
    const q = encodeConfig(cfg);
    expect(q).toContain('seed=7');
    const back = decodeConfig(new URLSearchParams(q));
    expect(back.config).toEqual(cfg);
    expect(back.notices).toEqual([]);
    expect(encodeConfig(DEFAULT_CONFIG)).toBe('');
  });
  it('clamps, ignores and explains bad values', () => {
    const d = decodeConfig(new URLSearchParams('seed=abc&minority=0.9&gl=2.6&loss=banana&zzz=1&present=1'));
    expect(d.config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(d.config.minority).toBe(0.5);
    expect(d.config.gLayers).toBe(3);
    expect(d.config.loss).toBe(DEFAULT_CONFIG.loss);
    expect(d.notices.length).toBe(5);
    expect(d.notices.join(' ')).toMatch(/zzz/);
    expect(d.notices.join(' ')).toMatch(/banana/);
  });
  it('takes lang= on every view: a known language silently, an unknown one with a notice that names it', () => {
    expect(decodeConfig(new URLSearchParams('lang=es&seed=3')).notices).toEqual([]);
    const bad = decodeConfig(new URLSearchParams('lang=klingon&seed=3'));
    expect(bad.config.seed).toBe(3);
    expect(bad.notices).toHaveLength(1);
    expect(bad.notices[0]).toContain('"klingon"');
    expect(bad.notices[0]).toContain('en, es');
  });

  it('rewords the link notices still shown in place, leaving other notices alone', () => {
    expect(rewordNotices(['a', 'x', 'b'], ['a', 'b'], ['A', 'B'])).toEqual(['A', 'x', 'B']);
    // a notice the student dismissed is not brought back: only the shown ones are passed
    expect(rewordNotices(['x', 'b'], ['b'], ['B'])).toEqual(['x', 'B']);
    // counts that do not match: the old ones go, the new ones are added
    expect(rewordNotices(['x', 'a'], ['a', 'gone'], ['A'])).toEqual(['x', 'A']);
  });

  it('parses routes', () => {
    expect(parseHash('').name).toBe('playground');
    expect(parseHash('#/?seed=3').params.get('seed')).toBe('3');
    expect(parseHash('#/lessons/01-the-game').slug).toBe('01-the-game');
    expect(parseHash('#/nope/x/y').name).toBe('notfound');
    expect(parseHash('#/%E0%A4%A').name).toBe('notfound');
  });
});
