// Issue 17, item 7: every interface string is in the catalogue, and Spanish has every message
// English has, in the same shape (a string where English has a string, a function of as many
// arguments where English has a function), plus every text of every settings table.
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { es } from '../../../src/i18n/es';
import { ES_SETTINGS } from '../../../src/i18n/es/settings';
import { settingTexts } from '../../../src/i18n/settings';
import { PLAYGROUND_TABLE } from '../../../src/core/settings/config';
import { FACES_TABLE } from '../../../src/core/settings/faces';
import { EXPERIMENTS_TABLE } from '../../../src/core/settings/experiments';
import { BENCH_TABLE } from '../../../src/core/settings/bench';
import { GENERATIONS_TABLE } from '../../../src/core/settings/generations';

type Leaf = { path: string; value: unknown };
function leaves(o: unknown, prefix = ''): Leaf[] {
  if (o && typeof o === 'object' && !Array.isArray(o)) return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [{ path: prefix, value: o }];
}
const get = (o: unknown, path: string) => path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);

describe('message catalogue', () => {
  const enLeaves = leaves(en);

  it('English has messages in every module, none empty', () => {
    expect(enLeaves.length).toBeGreaterThan(20);
    for (const { path, value } of enLeaves) {
      if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
      else if (Array.isArray(value)) expect(value.length, path).toBeGreaterThan(0);
      else expect(typeof value, path).toBe('function');
    }
  });

  it('Spanish has exactly the keys of English, each of the same shape', () => {
    const esPaths = leaves(es).map((l) => l.path).sort();
    expect(esPaths).toEqual(enLeaves.map((l) => l.path).sort());
    for (const { path, value } of enLeaves) {
      const other = get(es, path);
      expect(typeof other, path).toBe(typeof value);
      if (typeof value === 'function') expect((other as (...a: unknown[]) => string).length, `${path} arguments`).toBe(value.length);
      if (Array.isArray(value)) expect((other as unknown[]).length, `${path} items`).toBe(value.length);
      if (typeof value === 'string') expect((other as string).trim(), path).not.toBe('');
    }
  });

  it('Spanish is translated, not copied: most strings differ from the English', () => {
    const strings = enLeaves.filter((l) => typeof l.value === 'string');
    const same = strings.filter((l) => get(es, l.path) === l.value).map((l) => l.path);
    // Names, units and symbols (ForgeLab, JS, ReLU, "k") may read the same in both.
    expect(same.length / strings.length, `identical: ${same.join(', ')}`).toBeLessThan(0.1);
  });

  it('every text of every settings table has Spanish', () => {
    const missing: string[] = [];
    for (const table of [PLAYGROUND_TABLE, FACES_TABLE, EXPERIMENTS_TABLE, BENCH_TABLE, GENERATIONS_TABLE])
      for (const text of settingTexts(table.rows)) if (!(text in ES_SETTINGS) || ES_SETTINGS[text].trim() === '') missing.push(text);
    expect(missing).toEqual([]);
  });
});
