import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../shared/setup';
import { tf } from '../../../src/core/shared/tf';
import { runFaceGenerations } from '../../../src/core/generations/faces';
import type { FaceGenerationsArgs } from '../../../src/core/generations/faces';
import { faceSheet, MARK_RGB } from '../../../src/core/generations/faceSheet';
import { DATASHEET_HEADINGS, FACE_SHEET_LABEL, faceCardJson, faceCardMarkdown, figure } from '../../../src/state/generations/dataCard';
import { faceCardFacts } from '../../../src/core/generations/export';
import { generationsTasks } from '../../../src/workers/generations/generationsTasks';
import { countTones, tonesOf } from '../../../src/core/faces/evaluate';
import { makeFaceSet } from '../../../src/core/faces/faces';

const args: FaceGenerationsArgs = { seed: 5, darkerShare: 0.3, faces: 64, generations: 2, stepsPerGeneration: 4, gridSize: 8, evalSamples: 64, spec: { gHidden: [8], dHidden: [8], noiseDim: 4 } };

describe('faces across generations', () => {
  beforeAll(useCpu);

  it('is deterministic, frees its tensors and scores each generation from its own faces', () => {
    const before = tf.memory().numTensors;
    const a = runFaceGenerations(args)!;
    expect(tf.memory().numTensors).toBe(before);
    expect(runFaceGenerations(args)).toEqual(a);
    expect(a.generations.map((g) => g.generation)).toEqual([0, 1]);
    expect(a.realShares[1]).toBeCloseTo(0.3, 1);
    expect(a.realCounts).toEqual(countTones(makeFaceSet({ n: 64, darkerShare: 0.3, size: 16, seed: 5 }).tone));
    for (const g of a.generations) {
      expect(g.grid.length).toBe(8 * 16 * 16 * 3);
      expect(g.counts.n).toBe(64);
      // the grid's faces are the first of the evaluated ones: their tones are counted there
      const gridTones = countTones(tonesOf(g.grid, 8, 16));
      gridTones.tones.forEach((c, t) => expect(c).toBeLessThanOrEqual(g.counts.tones[t]));
      expect(g.darkerOfAll).toBe(g.shares.groupsOfAll[1]);
    }
    expect(runFaceGenerations(args, (p) => p.generation < 1)).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('lays faces out on a sheet framed in the marker colour, with a label band', () => {
    const set = makeFaceSet({ n: 5, darkerShare: 0.5, size: 16, seed: 1 });
    const s = faceSheet(set.x, 5, 16, 4, FACE_SHEET_LABEL);
    expect(s.height).toBe(2 * 18 + s.band);
    expect(s.width).toBeGreaterThanOrEqual(4 * 18);
    const px = (x: number, y: number) => [...s.rgba.subarray((y * s.width + x) * 4, (y * s.width + x) * 4 + 4)];
    expect(px(0, 0)).toEqual([...MARK_RGB, 255]);
    expect(px(17, 18 + 5)).toEqual([...MARK_RGB, 255]); // right edge of the fifth tile (row 2, column 1)
    expect(px(18 + 17, 18 + 5)).toEqual([0, 0, 0, 0]); // no sixth face: that tile stays empty
    // the label band holds marker-coloured glyph pixels
    let marked = 0;
    for (let y = s.height - s.band; y < s.height; y++) for (let x = 0; x < s.width; x++) if (px(x, y)[0] === 255 && px(x, y)[1] === 0) marked++;
    expect(marked).toBeGreaterThan(50);
    expect(() => faceSheet(set.x, 5, 16, 4, 'REAL?')).toThrow(/font/);
  });

  it('writes a face card with every datasheet heading and the generation’s own figures', () => {
    const r = runFaceGenerations(args)!;
    const g = r.generations[1];
    const f = faceCardFacts(r, { generation: 1, stepsPerGeneration: 4, realFaces: 64, sheetFaces: 8 });
    expect(f.synthetic).toBe(true);
    expect(f.run).toEqual({ seed: 5, policy: 'replace', generations: 2, generation: 1, step: 4 });
    expect(f.shares.map((x) => x.syntheticOfAll)).toEqual(g.shares.groupsOfAll);
    expect(f.offPalette).toBe(g.shares.offPalette);
    const counted = g.counts.n - g.counts.offPalette;
    f.tones.forEach((t, i) => expect(t.synthetic).toBe(counted > 0 ? g.counts.tones[i] / counted : NaN));
    const md = faceCardMarkdown(f);
    for (const h of DATASHEET_HEADINGS) expect(md).toContain(`\n## ${h}\n`);
    expect(md).toContain(`| darker | ${figure(100 * r.realShares[1])}% |`);
    expect(md).toContain(`Faces with no recognisable tone: ${figure(100 * g.shares.offPalette)}%`);
    expect(md).toContain('SYNTHETIC AI GENERATED');
    const json = JSON.parse(faceCardJson(f));
    expect(json.synthetic).toBe(true);
    expect(json.run.generation).toBe(1);
    expect(json.text.unsuitableUses.length).toBeGreaterThan(0);
  });

  it('runs as the worker task with progress in training steps, and stops when progress says so', async () => {
    const seen: [number, number][] = [];
    const r = await generationsTasks['generations.faces']([args], (done, total) => (seen.push([done, total]), true));
    expect(r).toEqual(runFaceGenerations(args));
    expect(seen.at(-1)).toEqual([8, 8]);
    expect(seen.every(([d, t]) => t === 8 && d >= 1 && d <= 8)).toBe(true);
    expect(await generationsTasks['generations.faces']([args], () => false)).toBeNull();
  });
});
