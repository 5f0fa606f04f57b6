/**
 * Sum trees of the location-choice weights, so that a project draws its zone in O(log Z) instead of
 * evaluating every zone (`choice.sampler: tree`).
 *
 * Leaves: for every zone z and industry j the proposal weight
 *
 *     q_zj = exp(V_zj / s) × M_z × (f if z has vacant standard-factory floor and f > 1, else 1)
 *
 * — the cached choice weight, the zone's size variable M_z (its vacant hectares under `vacant-land`;
 * under `none`, 1 when it has vacant land at all and 0 when it has none, since such a zone is feasible
 * for no project) and the standard-factory weight f = e^(bonus / s) of R12. One binary tree over the
 * zones holds, at every node, the K per-industry sums of its two children (node-major: node n's sum for
 * industry j is at n × K + j), recomputed from the children whenever a leaf changes — so every sum
 * depends only on the current leaves, never on the order of updates (no drift, and the same bits
 * whatever happened before), and an entry, which changes all K weights of one zone, updates one path.
 *
 * Drawing (an exact sampler of the logit over feasible alternatives, locationChoice.ts): a uniform picks
 * the scattered option or a zone from the tree of the project's industry, a proposal from
 * P(z) ∝ q_zj. The pick is accepted with probability m_z / (proposal multiplier), where m_z is the
 * zone's weight multiplier for this project in the logit — f when it will rent factory floor, 1 on
 * land, 0 when infeasible (intensity threshold or no room) — so the accepted zone has P(z) ∝ w_zj m_z,
 * exactly the logit of locationChoice.ts. A rejected pick is redrawn with a counter-based uniform keyed
 * by the project, step and attempt (the choice stream still advances one draw per decision); after
 * MAX_CHOICE_ATTEMPTS rejections the exact scan decides, which keeps the sampler exact (every route
 * yields the same conditional distribution). Rejection from a superset: Devroye (1986), Non-Uniform
 * Random Variate Generation, §II.3.
 */

/** The tree: L leaves (a power of two ≥ the zone count), node n's K sums at [n × K, (n + 1) × K). */
export interface ChoiceTrees {
  readonly leaves: number;
  readonly industries: number;
  /** Node 1 is the root; leaves are nodes L … 2L − 1 (zone z at L + z). */
  readonly sums: Float64Array;
}

/** Redraws before the exact scan decides. */
export const MAX_CHOICE_ATTEMPTS = 16;

/** A tree for `zoneCount` zones and `industryCount` industries, all weights 0. */
export function createChoiceTrees(zoneCount: number, industryCount: number): ChoiceTrees {
  let leaves = 1;
  while (leaves < Math.max(1, zoneCount)) leaves *= 2;
  return { leaves, industries: industryCount, sums: new Float64Array(2 * leaves * industryCount) };
}

/** Set zone z's proposal weight for industry j (no sums updated: see {@link updateTreePath}, {@link rebuildTree}). */
export function setLeaf(trees: ChoiceTrees, z: number, industry: number, weight: number): void {
  trees.sums[(trees.leaves + z) * trees.industries + industry] = weight;
}

/** Recompute the sums above zone z's leaf, for every industry (O(K log Z)). */
export function updateTreePath(trees: ChoiceTrees, z: number): void {
  const k = trees.industries;
  const sums = trees.sums;
  let node = (trees.leaves + z) >> 1;
  while (node >= 1) {
    const out = node * k;
    const left = 2 * node * k;
    const right = left + k;
    for (let j = 0; j < k; j++) sums[out + j] = sums[left + j] + sums[right + j];
    node >>= 1;
  }
}

/** Recompute every sum from the leaves (O(K Z)). */
export function rebuildTree(trees: ChoiceTrees): void {
  const k = trees.industries;
  const sums = trees.sums;
  for (let node = trees.leaves - 1; node >= 1; node--) {
    const out = node * k;
    const left = 2 * node * k;
    const right = left + k;
    for (let j = 0; j < k; j++) sums[out + j] = sums[left + j] + sums[right + j];
  }
}

/** The total proposal weight of industry j over all zones (the root; with one leaf, the leaf itself). */
export function treeTotal(trees: ChoiceTrees, industry: number): number {
  return trees.sums[trees.industries + industry];
}

/**
 * The zone whose cumulative weight interval for industry j holds `target` in [0, total), descending
 * from the root; −1 when rounding leaves target beyond every positive weight.
 */
export function descendTree(trees: ChoiceTrees, industry: number, target: number): number {
  const k = trees.industries;
  const sums = trees.sums;
  const leaves = trees.leaves;
  let node = 1;
  let rest = target;
  while (node < leaves) {
    const left = sums[2 * node * k + industry];
    if (rest < left) {
      node = 2 * node;
    } else {
      rest -= left;
      node = 2 * node + 1;
    }
  }
  return sums[node * k + industry] > 0 ? node - leaves : -1;
}
