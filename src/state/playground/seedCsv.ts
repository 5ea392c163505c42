/** The multi-seed runner's points as CSV, for recomputing its numbers outside ForgeLab. Pure. */
import type { Group } from '../../core/data/datasets';
import type { SeedResult } from '../../core/skew/skew';

/**
 * Every seed's points as CSV, so shares can be recomputed without ForgeLab: the generated
 * evaluation points (`set` = generated, no group: assign them yourself) and the fresh real
 * reference sample they were compared with (`set` = reference, with each point's true group).
 */
export function seedPointsCsv(results: readonly SeedResult[], groups: readonly Group[]): string {
  const lines = ['seed,set,index,x,y,group'];
  for (const r of results) {
    const n = r.generated.length / 2;
    for (let i = 0; i < n; i++) lines.push(`${r.seed},generated,${i},${r.generated[2 * i]},${r.generated[2 * i + 1]},`);
    const ref = r.reference;
    for (let i = 0; i < ref.n; i++) lines.push(`${r.seed},reference,${i},${ref.x[ref.dim * i]},${ref.x[ref.dim * i + 1]},${groups[ref.g[i]]?.id ?? ref.g[i]}`);
  }
  return lines.join('\n') + '\n';
}
