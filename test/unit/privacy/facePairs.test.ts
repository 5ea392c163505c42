/**
 * The faces view's memorisation pairs (issue 14, item 7): each generated face beside its nearest
 * training face, the closest marked, and the panel's sentence computed from the numbers.
 */
import { describe, expect, it } from 'vitest';
import { FACES_MEMORISATION_PRESET, facePairs, faceTrainAndHoldout } from '../../../src/core/privacy/faces';
import { memorisation } from '../../../src/core/privacy/memorisation';
import { memorisationSentence } from '../../../src/state/faces/facesText';
import { FACES_TABLE, SMALL_TRAINING_FACES } from '../../../src/core/settings/faces';

describe('facePairs', () => {
  const m = {
    nearestTrain: Int32Array.from([4, 1, 4, 0, 2]),
    distTrain: Float64Array.from([3, 1, 5, 1, 0.5]),
    distHoldout: Float64Array.from([2, 2, 2, 2, 2]),
  };

  it('keeps the first faces in order with their nearest training face and distances', () => {
    const p = facePairs(m, 4, 2);
    expect(p.map((x) => [x.generated, x.train, x.distance, x.holdoutDistance])).toEqual([
      [0, 4, 3, 2],
      [1, 1, 1, 2],
      [2, 4, 5, 2],
      [3, 0, 1, 2],
    ]);
  });

  it('marks the closest among the pairs returned, ties by index', () => {
    expect(facePairs(m, 4, 2).map((x) => x.closest)).toEqual([false, true, false, true]);
    expect(facePairs(m, 5, 1).map((x) => x.closest)).toEqual([false, false, false, false, true]);
    expect(facePairs(m, 3, 1).filter((x) => x.closest).map((x) => x.generated)).toEqual([1]);
  });

  it('clamps the count to the sample and accepts none', () => {
    expect(facePairs(m, 99, 0).length).toBe(5);
    expect(facePairs(m, 0, 3)).toEqual([]);
  });

  it('a training face copied exactly is its own nearest pair at distance 0, and the closest', () => {
    const { train, holdout } = faceTrainAndHoldout({ n: 8, darkerShare: 0.25, size: 8, seed: 3 });
    // generated: a held-out face, then training face 5 copied
    const x = new Float32Array(2 * train.dim);
    x.set(holdout.x.subarray(0, train.dim), 0);
    x.set(train.x.subarray(5 * train.dim, 6 * train.dim), train.dim);
    const mem = memorisation({ x, n: 2, dim: train.dim }, train, holdout);
    const p = facePairs(mem, 2, 1);
    expect(p[1]).toMatchObject({ train: 5, distance: 0, closest: true });
    expect(p[0].holdoutDistance).toBe(0);
    expect(p[0].distance).toBeGreaterThan(0);
  });
});

describe('the small training set setting and sentence', () => {
  it('offers the claim preset’s 32 faces in the faces link', () => {
    const row = FACES_TABLE.rows.find((r) => r.key === 'trainFaces')!;
    expect(row.url).toBe('train');
    expect(row.kind === 'choice' && row.options.map((o) => o.value)).toEqual([2000, 32]);
    expect(SMALL_TRAINING_FACES).toBe(FACES_MEMORISATION_PRESET.n);
  });

  it('states the measured share and the closest pair from the numbers', () => {
    const metrics = { closerToTrain: 0.8125, distTrain: [4.5, 2.25, 9], distHoldout: [5, 6.5, 3] };
    const s = memorisationSentence({ step: 1500, n: 3, metrics }, 32);
    expect(s).toContain('Step 1,500: 81% of 3 generated faces');
    expect(s).toContain('32 training faces');
    expect(s).toContain('drawing its training faces back');
    expect(s).toContain('closest pair is 2.25 apart');
    expect(s).toContain('6.50 away');
    expect(memorisationSentence({ step: 10, n: 3, metrics: { ...metrics, closerToTrain: 0.5 } }, 32)).toContain('no clear sign');
  });
});
