/**
 * The generations claims with the GAN on the shipped preset (core/generations/presets.ts), seeds
 * 1–5, wasm. Results of the stabilised preset: see the report printed by this file (and
 * docs/ARCHITECTURE.md, "Generations").
 *
 * First measurement, with the plain recipe (the preset as first fixed), JS in bits
 * (floor ≈ 0.056–0.060):
 *   seed  replace JS g1 → g5   accumulate JS g1 → g5   replace minority coverage g1 → g5   s
 *   1     0.846 → 0.971        0.689 → 0.762 (×1.11)    0.000 → 0.000                       94
 *   2     0.728 → 0.953        0.631 → 0.575 (×0.91)    0.000 → 0.000                       69
 *   3     0.688 → 0.942        0.573 → 0.683 (×1.19)    0.127 → 0.000                       82
 *   4     0.731 → 0.946        0.438 → 0.346 (×0.79)    0.000 → 0.000                       62
 *   5     0.832 → 0.958        0.734 → 0.701 (×0.95)    0.000 → 0.000                       68
 * JS rose under replace (5/5) and stayed within 1.5× under accumulate (5/5), but the plain
 * forger had dropped the minority by generation 1, so its coverage could not fall (1/5).
 */
import { generationClaims } from './generationsClaims';

generationClaims('gan', ['replace-js', 'accumulate-js', 'replace-coverage']);
