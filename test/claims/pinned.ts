/**
 * What every claim test runs on, in one place: the backend (wasm unless CLAIM_BACKEND says
 * otherwise; a claim run fails at once when it cannot start, rather than quietly measuring
 * something else) and the seeds. The seeds were fixed before the claims were measured: 1–5 for
 * the 2-D claims, 1–3 for the faces (as the issues state them). Rerun on other seeds with
 * CLAIM_SEEDS=6,7,8,9,10.
 */
import { appendFileSync } from 'node:fs';
import { tf } from '../../src/core/shared/tf';
import { useBackend } from '../../src/core/backend/backend';

export const CLAIM_BACKEND = (process.env.CLAIM_BACKEND ?? 'wasm') as 'wasm' | 'cpu';

function seedsFromEnv(): number[] | null {
  const raw = process.env.CLAIM_SEEDS;
  if (!raw) return null;
  const seeds = raw.split(',').map((s) => Number(s.trim()));
  if (!seeds.length || seeds.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`CLAIM_SEEDS must be whole numbers ≥ 1, separated by commas (got ${JSON.stringify(raw)})`);
  return seeds;
}

/** The seeds of a claim: CLAIM_SEEDS when set, else 1…count. */
export function claimSeeds(count = 5): number[] {
  return seedsFromEnv() ?? Array.from({ length: count }, (_, i) => i + 1);
}

/** Put tfjs on the pinned backend, or fail loudly. */
export async function usePinnedBackend(): Promise<void> {
  const ok = await useBackend(CLAIM_BACKEND);
  if (!ok || tf.getBackend() !== CLAIM_BACKEND) throw new Error(`The claim tests are pinned to the ${CLAIM_BACKEND} backend, which did not start here (tfjs is on ${tf.getBackend() ?? 'nothing'}). Set CLAIM_BACKEND=cpu to measure on plain JavaScript.`);
}

/** How many items (seeds' runs) satisfy a condition: claims hold on "at least k of n". */
export const holdsOn = <T>(xs: readonly T[], f: (x: T) => boolean): number => xs.filter(f).length;

/**
 * Print a measured line, and append it to the file named by PRIVACY_CLAIM_LOG (or CLAIM_LOG)
 * when set, so a long claims run leaves its numbers behind for docs/FINDINGS.md.
 */
export function logClaim(line: string): void {
  console.log(line);
  const file = process.env.CLAIM_LOG ?? process.env.PRIVACY_CLAIM_LOG;
  if (file) appendFileSync(file, line + '\n');
}
