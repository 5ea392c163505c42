// The pure parts of the classroom tools: the QR matrix reads back as the link, the run file's
// checks, the metrics CSV and the shortcut list.
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { qrModules } from '../../../src/state/shared/share';
import { historyCsv, parseRunFile } from '../../../src/state/playground/runFile';
import { shortcutList } from '../../../src/state/shared/shortcuts';
import type { HistoryRow } from '../../../src/state/playground/history';

describe('classroom tools (pure parts)', () => {
  it('the QR modules decode back to the exact link, long links included', () => {
    for (const link of ['http://127.0.0.1:4173/#/?seed=7', `https://forgelab.example/#/?${'data=groups&minority=0.03&place=tail&recipe=plain&lrg=0.0015&'.repeat(6)}seed=999999&present=1`]) {
      const m = qrModules(link);
      const cell = 4;
      const n = m.length * cell;
      const px = new Uint8ClampedArray(n * n * 4);
      for (let y = 0; y < n; y++)
        for (let x = 0; x < n; x++) {
          const v = m[Math.floor(y / cell)][Math.floor(x / cell)] ? 0 : 255;
          px.set([v, v, v, 255], 4 * (y * n + x));
        }
      expect(jsQR(px, n, n)?.data).toBe(link);
    }
  });

  it('refuses files that are not runs, naming what is wrong', () => {
    expect(parseRunFile('nope')).toEqual({ ok: false, message: 'This file is not a ForgeLab run: it is not valid JSON.' });
    expect(parseRunFile('{"format":"x"}').ok).toBe(false);
    const good = { format: 'forgelab-run', version: 1, settings: 'seed=3', step: 5, drawn: null, history: [], weights: { generator: [0.5, -1], detective: [2] }, note: '' };
    expect(parseRunFile(JSON.stringify(good)).ok).toBe(true);
    expect(parseRunFile(JSON.stringify({ ...good, version: 2 }))).toEqual({ ok: false, message: 'This run file is version 2; this ForgeLab reads version 1.' });
    expect(parseRunFile(JSON.stringify({ ...good, step: 1.5 })).ok).toBe(false);
    expect(parseRunFile(JSON.stringify({ ...good, weights: { generator: [1, 'a'], detective: [] } })).ok).toBe(false);
    expect(parseRunFile(JSON.stringify({ ...good, drawn: [{ x: 1 }] })).ok).toBe(false);
  });

  it('metrics CSV: one line per row, a share column per group and for off-data', () => {
    const row: HistoryRow = { step: 10, lossD: 1.25, lossG: 0.5, acc: 0.6, accSmooth: 0.55, accReal: 0.7, accFake: 0.5, js: 0.2, jsSmooth: 0.25, floor: 0.01, shares: [0.7, 0.2, 0.1], realShares: [0.8, 0.2] };
    const csv = historyCsv([row, { ...row, step: 20 }], [{ id: 'majority', label: 'Majority' }, { id: 'minority', label: 'Minority' }]).split('\n');
    expect(csv[0]).toBe('step,detective_loss,forger_loss,detective_accuracy,detective_accuracy_smoothed,accuracy_on_real,accuracy_on_fakes,js_bits,js_bits_smoothed,js_noise_floor_bits,synthetic_share_majority,synthetic_share_minority,synthetic_share_off_data,real_share_majority,real_share_minority');
    expect(csv[1]).toBe('10,1.25,0.5,0.6,0.55,0.7,0.5,0.2,0.25,0.01,0.7,0.2,0.1,0.8,0.2');
    expect(csv.length).toBe(3);
  });

  it('lists a key for each of the four presets', () => {
    const keys = shortcutList(['50/50', '70/30', '90/10', '97/3']).map((s) => `${s.keys}: ${s.does}`);
    expect(keys).toContain('4: Skew preset 97/3');
    expect(keys).toContain('?: This list of shortcuts');
  });
});
