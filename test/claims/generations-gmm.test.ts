/**
 * The generations claims with the Gaussian-mixture generator (EM, 2 components) on the shipped
 * preset (core/generations/presets.ts), seeds 1–5. Measured (wasm; the mixture has no tensors, so
 * the backend does not matter), JS in bits, noise floor ≈ 0.056–0.060:
 *   seed  replace JS g1 → g5   accumulate JS g1 → g5   replace minority coverage g1 → g5
 *   1     0.0660 → 0.0756      0.0663 → 0.0581 (×0.88)  0.932 → 0.961
 *   2     0.0653 → 0.0877      0.0597 → 0.0620 (×1.04)  0.927 → 0.976
 *   3     0.0582 → 0.0772      0.0571 → 0.0570 (×1.00)  0.961 → 0.810
 *   4     0.0941 → 0.0956      0.0665 → 0.0715 (×1.07)  0.751 → 0.790
 *   5     0.0633 → 0.0641      0.0590 → 0.0602 (×1.02)  0.951 → 0.898
 * JS drifts up under replace on 5 of 5 and stays flat under accumulate on 5 of 5 (asserted). The
 * minority's coverage falls on only 2 of 5, so "tails first" does not hold for the mixture over
 * five generations: a refitted Gaussian's variance wanders (it can widen as well as shrink), and
 * coverage rewards a wider minority. It is measured and printed, not asserted. ~3.5 s a seed.
 */
import { generationClaims } from './generationsClaims';

generationClaims('gmm', ['replace-js', 'accumulate-js']);
