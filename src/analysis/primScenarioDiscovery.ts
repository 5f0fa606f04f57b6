import { assertIntegerInRange, assertNumberInInterval } from './analysisArgumentChecks.ts';
import type { DesignMatrix } from './designMatrix.ts';

/** One restricted dimension of a PRIM box: `lower ≤ x ≤ upper` on that factor. */
export interface PrimRestriction {
  /** 0-based column of the factor. */
  readonly factorIndex: number;
  /** Name from `options.factorNames`, or `x1`, `x2`, … */
  readonly factorName: string;
  /** Lower limit (inclusive), equal to the data minimum when only the upper side is restricted. */
  readonly lower: number;
  /** Upper limit (inclusive), equal to the data maximum when only the lower side is restricted. */
  readonly upper: number;
}

/** A box of the input space and how well it captures the cases of interest. */
export interface PrimBox {
  /** Lower limit per factor (inclusive; the data minimum where unrestricted). */
  readonly lower: readonly number[];
  /** Upper limit per factor (inclusive; the data maximum where unrestricted). */
  readonly upper: readonly number[];
  /** The factors whose limits are inside the data range: the box's "scenario" description. */
  readonly restrictions: readonly PrimRestriction[];
  /** Number of points in the box. */
  readonly supportCount: number;
  /** Number of cases of interest in the box. */
  readonly caseCount: number;
  /** Share of all points in the box (the box's "mass"), in [0, 1]. */
  readonly support: number;
  /** Share of all cases of interest that are in the box, in [0, 1]. */
  readonly coverage: number;
  /** Share of the points in the box that are cases of interest, in [0, 1]. */
  readonly density: number;
}

/** Result of {@link primScenarioDiscovery}. */
export interface PrimResult {
  /** The peeling trajectory: box 0 is the whole data range, each next box one peel smaller. */
  readonly trajectory: readonly PrimBox[];
  /** Index in `trajectory` of the box chosen by the selection rule (before pasting). */
  readonly chosenIndex: number;
  /** The chosen box: the pasted box when pasting is on, else `trajectory[chosenIndex]`. */
  readonly chosenBox: PrimBox;
  /** Number of pasting steps applied to the chosen box (0 when pasting is off or changes nothing). */
  readonly pastingStepCount: number;
  /** Share of cases of interest among all points (density of box 0). */
  readonly baseDensity: number;
  /** Number of cases of interest. */
  readonly caseCount: number;
}

/** Options of {@link primScenarioDiscovery}. */
export interface PrimOptions {
  /** Share of the box's points removed per peel, in (0, 0.5); default 0.05 (Friedman & Fisher 1999). */
  readonly peelingAlpha?: number;
  /** Smallest support (share of all points) a box may have, in (0, 1]; default 0.05. */
  readonly minimumSupport?: number;
  /** Apply the pasting step to the chosen box; default true. */
  readonly pasting?: boolean;
  /** Share of the box's points added per paste, in (0, 0.5); default 0.01. */
  readonly pastingAlpha?: number;
  /**
   * Selection with a density target: choose the box of largest coverage whose density is at least
   * this (in (0, 1]); if no box reaches it, the box of highest density. Default: not used.
   */
  readonly minimumDensity?: number;
  /**
   * Default selection: choose the box of largest coverage whose density is within this of the
   * highest density on the trajectory, in [0, 1); default 0.05.
   */
  readonly densityTolerance?: number;
  /** Names of the factors, in column order (default `x1` … `xk`). */
  readonly factorNames?: readonly string[];
}

/**
 * PRIM (Patient Rule Induction Method) for scenario discovery: find a box of the input space — a
 * few factors restricted to intervals — in which the cases of interest (a zone that fails to
 * cluster, a guarantee fund that runs dry) are concentrated.
 *
 * What and why: after running an experiment over many lever and uncertainty settings, the question
 * "under which conditions does the policy fail?" is answered by a readable rule such as
 * "subsidy < 0.08 and demand growth < 2%", with its coverage (how many of the failures it explains)
 * and density (how reliably it predicts failure). PRIM finds such a box by patiently peeling thin
 * slices off the data range, following the density up (Bryant & Lempert 2010).
 *
 * Algorithm (Friedman & Fisher 1999, §3 and §5, "original" objective):
 * 1. Peeling. Start from the box spanning the data. At each step, for every factor `j` and both
 *    sides, consider removing the `⌊α n_box⌋` (at least 1) in-box points with the lowest (highest)
 *    `x_j`, together with any points tied with the last of them; keep the candidate whose remaining
 *    box has the highest density, among those leaving at least `minimumSupport · n` points (ties: fewest
 *    points removed, then lowest factor index, lower side first). Stop when no candidate is
 *    admissible or the density reaches 1. Each box is recorded: the peeling trajectory.
 * 2. Selection: the box of largest coverage whose density is ≥ `minimumDensity` (when given) or
 *    ≥ (highest density on the trajectory − `densityTolerance`). Coverage only decreases along the
 *    trajectory, so this is the earliest such box.
 * 3. Pasting (optional): repeatedly widen one side of one factor of the chosen box by the next
 *    `⌊pastingAlpha · n_box⌋` (at least 1, plus ties) outside points that satisfy all other limits,
 *    choosing the widening of highest density, as long as density does not decrease.
 * Box limits are data values, inclusive: a point is in the box iff `lower_j ≤ x_j ≤ upper_j` for
 * all `j`. Coverage = cases in box / all cases; density = cases in box / points in box; support =
 * points in box / all points. Cost O(n k) per peel, after one O(k n log n) sort.
 *
 * Reference: Friedman, J. H. & Fisher, N. I. (1999), Bump hunting in high-dimensional data,
 * *Statistics and Computing* 9(2):123–143; Bryant, B. P. & Lempert, R. J. (2010), Thinking
 * inside the box: a participatory, computer-assisted approach to scenario discovery, *Technol.
 * Forecast. Soc. Change* 77(1):34–49; Kwakkel, J. H. (2017), The Exploratory Modeling Workbench,
 * *Environ. Model. Softw.* 96:239–250.
 *
 * Units: limits in the units of `inputs` (factor units after {@link mapUnitDesignToFactors}, or
 * unit coordinates); coverage, density and support are shares.
 *
 * @param inputs the `n × k` points (finite numbers).
 * @param outcomes `n` flags: `true`/`1` for a case of interest, `false`/`0` otherwise (see
 *   {@link thresholdOutcome} to make them from a numeric outcome); at least one case.
 * @param options peeling and pasting settings and the selection rule, see {@link PrimOptions}.
 * @returns the trajectory, the chosen box and summary counts, see {@link PrimResult}.
 * @throws {RangeError} if the lengths differ, an input is not finite, an outcome is not 0/1 or
 *   boolean, there is no case of interest, or an option is out of range.
 * @example
 * const result = primScenarioDiscovery(inputs, failed, { factorNames: ['subsidy', 'demand'] });
 * result.chosenBox.restrictions; // => [{ factorName: 'subsidy', lower: 0, upper: 0.081 }, …]
 * result.chosenBox.coverage; result.chosenBox.density;
 */
export function primScenarioDiscovery(
  inputs: DesignMatrix,
  outcomes: ArrayLike<number> | readonly boolean[],
  options: PrimOptions = {},
): PrimResult {
  const name = 'primScenarioDiscovery';
  const n = inputs.rowCount;
  const k = inputs.factorCount;
  const x = inputs.values;
  const peelingAlpha = options.peelingAlpha ?? 0.05;
  const minimumSupport = options.minimumSupport ?? 0.05;
  const pasting = options.pasting ?? true;
  const pastingAlpha = options.pastingAlpha ?? 0.01;
  const densityTolerance = options.densityTolerance ?? 0.05;
  const minimumDensity = options.minimumDensity;
  assertNumberInInterval(peelingAlpha, 0, 0.5, name, 'peelingAlpha');
  assertNumberInInterval(minimumSupport, 0, 1, name, 'minimumSupport');
  if (minimumSupport === 0) throw new RangeError(`${name}: minimumSupport must be a number in (0, 1], got 0`);
  assertNumberInInterval(pastingAlpha, 0, 0.5, name, 'pastingAlpha');
  assertNumberInInterval(densityTolerance, 0, 1, name, 'densityTolerance', true);
  if (densityTolerance === 1) throw new RangeError(`${name}: densityTolerance must be a number in [0, 1), got 1`);
  if (minimumDensity !== undefined) assertNumberInInterval(minimumDensity, 0, 1, name, 'minimumDensity', true);
  assertIntegerInRange(n, 1, 0x7fffffff, name, 'the number of points');
  if (outcomes.length !== n) throw new RangeError(`${name}: ${outcomes.length} outcomes for ${n} points`);
  const names = options.factorNames ?? Array.from({ length: k }, (_, i) => `x${i + 1}`);
  if (names.length !== k) throw new RangeError(`${name}: ${names.length} factor names for ${k} factors`);

  const y = new Uint8Array(n);
  let caseCount = 0;
  for (let i = 0; i < n; i++) {
    const value = outcomes[i];
    if (value === true || value === 1) y[i] = 1;
    else if (!(value === false || value === 0)) {
      throw new RangeError(`${name}: outcomes[${i}] is ${String(value)}; outcomes must be true/false or 1/0`);
    }
    caseCount += y[i];
  }
  if (caseCount === 0) throw new RangeError(`${name}: no case of interest (every outcome is false/0); there is nothing to find`);
  for (let index = 0; index < x.length; index++) {
    if (!Number.isFinite(x[index])) {
      throw new RangeError(`${name}: row ${Math.floor(index / k)}, column ${index % k} of the inputs is ${x[index]}; inputs must be finite`);
    }
  }

  // Points sorted by each factor (ascending; ties by row index for determinism).
  const order: Int32Array[] = [];
  const dataMinimum = new Float64Array(k);
  const dataMaximum = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const sorted = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a * k + j] - x[b * k + j] || a - b);
    order.push(sorted);
    dataMinimum[j] = x[sorted[0] * k + j];
    dataMaximum[j] = x[sorted[n - 1] * k + j];
  }

  const minimumCount = Math.max(1, Math.ceil(minimumSupport * n - 1e-9));
  const lower = Float64Array.from(dataMinimum);
  const upper = Float64Array.from(dataMaximum);
  const inBox = new Uint8Array(n).fill(1);
  let boxCount = n;
  let boxCases = caseCount;

  const describeBox = (count: number, cases: number): PrimBox => {
    const restrictions: PrimRestriction[] = [];
    for (let j = 0; j < k; j++) {
      if (lower[j] > dataMinimum[j] || upper[j] < dataMaximum[j]) {
        restrictions.push({ factorIndex: j, factorName: names[j], lower: lower[j], upper: upper[j] });
      }
    }
    return {
      lower: Array.from(lower),
      upper: Array.from(upper),
      restrictions,
      supportCount: count,
      caseCount: cases,
      support: count / n,
      coverage: cases / caseCount,
      density: cases / count,
    };
  };

  const trajectory: PrimBox[] = [describeBox(boxCount, boxCases)];
  // Peeling.
  while (boxCases < boxCount) {
    const target = Math.max(1, Math.floor(peelingAlpha * boxCount));
    let bestDensity = -1;
    let bestRemoved = 0;
    let bestFactor = -1;
    let bestSide = 0; // 0 = lower, 1 = upper
    let bestLimit = 0;
    for (let j = 0; j < k; j++) {
      const sorted = order[j];
      for (let side = 0; side < 2; side++) {
        // Walk in-box points from the chosen end; remove `target` of them plus ties with the last.
        let removed = 0;
        let removedCases = 0;
        let lastValue = Number.NaN;
        let newLimit = Number.NaN;
        for (let step = 0; step < n; step++) {
          const point = sorted[side === 0 ? step : n - 1 - step];
          if (!inBox[point]) continue;
          const value = x[point * k + j];
          if (removed >= target && value !== lastValue) {
            newLimit = value;
            break;
          }
          removed++;
          removedCases += y[point];
          lastValue = value;
        }
        if (Number.isNaN(newLimit)) continue; // every in-box point tied: the side cannot be peeled
        const remaining = boxCount - removed;
        if (remaining < minimumCount) continue;
        const density = (boxCases - removedCases) / remaining;
        if (density > bestDensity || (density === bestDensity && removed < bestRemoved)) {
          bestDensity = density;
          bestRemoved = removed;
          bestFactor = j;
          bestSide = side;
          bestLimit = newLimit;
        }
      }
    }
    if (bestFactor < 0) break;
    if (bestSide === 0) lower[bestFactor] = bestLimit;
    else upper[bestFactor] = bestLimit;
    boxCount = 0;
    boxCases = 0;
    for (let i = 0; i < n; i++) {
      if (!inBox[i]) continue;
      const value = x[i * k + bestFactor];
      if (value < lower[bestFactor] || value > upper[bestFactor]) inBox[i] = 0;
      else {
        boxCount++;
        boxCases += y[i];
      }
    }
    trajectory.push(describeBox(boxCount, boxCases));
  }

  // Selection.
  let chosenIndex = 0;
  let highestDensityIndex = 0;
  for (let b = 1; b < trajectory.length; b++) {
    if (trajectory[b].density > trajectory[highestDensityIndex].density) highestDensityIndex = b;
  }
  const threshold = minimumDensity ?? trajectory[highestDensityIndex].density - densityTolerance;
  chosenIndex = trajectory.findIndex((box) => box.density >= threshold);
  if (chosenIndex < 0) chosenIndex = highestDensityIndex;
  const chosen = trajectory[chosenIndex];

  if (!pasting) {
    return { trajectory, chosenIndex, chosenBox: chosen, pastingStepCount: 0, baseDensity: caseCount / n, caseCount };
  }

  // Pasting, starting from the chosen box.
  lower.set(chosen.lower);
  upper.set(chosen.upper);
  const violations = new Int32Array(n); // number of factors on which a point is outside the box
  let pastingStepCount = 0;
  boxCount = chosen.supportCount;
  boxCases = chosen.caseCount;
  for (;;) {
    for (let i = 0; i < n; i++) {
      let count = 0;
      for (let j = 0; j < k; j++) {
        const value = x[i * k + j];
        if (value < lower[j] || value > upper[j]) count++;
      }
      violations[i] = count;
    }
    const target = Math.max(1, Math.floor(pastingAlpha * boxCount));
    const currentDensity = boxCases / boxCount;
    let bestDensity = -1;
    let bestAdded = 0;
    let bestAddedCases = 0;
    let bestFactor = -1;
    let bestSide = 0;
    let bestLimit = 0;
    for (let j = 0; j < k; j++) {
      const sorted = order[j];
      for (let side = 0; side < 2; side++) {
        if (side === 0 ? lower[j] <= dataMinimum[j] : upper[j] >= dataMaximum[j]) continue;
        // Walk outward from the limit over points outside only on this side of factor j.
        let added = 0;
        let addedCases = 0;
        let lastValue = Number.NaN;
        for (let step = 0; step < n; step++) {
          const point = sorted[side === 1 ? step : n - 1 - step];
          const value = x[point * k + j];
          if (side === 0 ? value >= lower[j] : value <= upper[j]) continue; // inside on j (or the other side)
          if (violations[point] !== 1) continue;
          if (added >= target && value !== lastValue) break;
          added++;
          addedCases += y[point];
          lastValue = value;
        }
        if (added === 0) continue;
        const density = (boxCases + addedCases) / (boxCount + added);
        if (density > bestDensity) {
          bestDensity = density;
          bestAdded = added;
          bestAddedCases = addedCases;
          bestFactor = j;
          bestSide = side;
          bestLimit = lastValue;
        }
      }
    }
    if (bestFactor < 0 || bestDensity < currentDensity) break;
    if (bestSide === 0) lower[bestFactor] = bestLimit;
    else upper[bestFactor] = bestLimit;
    boxCount += bestAdded;
    boxCases += bestAddedCases;
    pastingStepCount++;
  }
  return {
    trajectory,
    chosenIndex,
    chosenBox: describeBox(boxCount, boxCases),
    pastingStepCount,
    baseDensity: caseCount / n,
    caseCount,
  };
}
