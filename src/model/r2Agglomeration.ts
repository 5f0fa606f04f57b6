import { log } from './deterministicMath.ts';
import type { Parameters } from './parameterSpecification.ts';
import { exponential, usesTableExponential } from './tableExponential.ts';

/**
 * R2 concentration (集中): the agglomeration term g(n) of the location-choice utility, where n counts
 * the firms already in the zone — of the project's own industry (localisation economies, Marshall
 * 1890) or of all industries (urbanisation economies; Arthur 1990) as `choice.agglomeration.scope`
 * says. The utility adds `coefficient × g(n)`.
 *
 * Forms (`choice.agglomeration.form`):
 * - `log`:     g(n) = ln(n + offset). With coefficient 1, logit scale 1 and all other terms off, the
 *              choice probability is (n_z + offset) / Σ (n + offset): exactly the Pólya urn
 *              (Eggenberger & Pólya 1923; Arthur, Ermoliev & Kaniovski 1987) whose shares converge
 *              to a Dirichlet(offset, …, offset) random limit.
 * - `linear`:  g(n) = n. Unbounded increasing returns: Arthur (1990) shows one region eventually
 *              takes every new firm with probability one (monopoly, lock-in by historical accident).
 * - `bounded`: g(n) = 1 − exp(−n / saturation). Bounded returns: Arthur (1990) shows no lock-in is
 *              guaranteed; preferences keep several regions alive.
 *
 * `table` selects the exponential of the bounded form (numerics.exponential; tableExponential.ts).
 *
 * @example agglomerationTerm('log', 3, 1, 50, true) // ln 4
 */
export function agglomerationTerm(
  form: Parameters['choice']['agglomeration']['form'],
  firmCount: number,
  offset: number,
  saturation: number,
  table: boolean,
): number {
  switch (form) {
    case 'log':
      return log(firmCount + offset);
    case 'linear':
      return firmCount;
    case 'bounded':
      return 1 - exponential(-firmCount / saturation, table);
  }
}

/**
 * g(n) for whole firm counts from a table filled on demand, so the location choice computes each
 * ln(n + offset) or 1 − e^(−n/saturation) once per replication instead of once per zone refresh (the
 * same values as computing g(n) each time, hence bit-identical results). The table grows by doubling.
 */
export interface AgglomerationTable {
  values: Float64Array;
  /** Entries 0 … filled − 1 are computed. */
  filled: number;
}

/** An empty table. */
export function createAgglomerationTable(): AgglomerationTable {
  return { values: new Float64Array(64), filled: 0 };
}

/** g(n) of the scenario's form for a whole count n ≥ 0 (see {@link agglomerationTerm}). */
export function agglomerationOfCount(table: AgglomerationTable, parameters: Parameters, count: number): number {
  const agg = parameters.choice.agglomeration;
  if (agg.form === 'linear') return count;
  if (count < table.filled) return table.values[count];
  if (count >= table.values.length) {
    let size = table.values.length;
    while (size <= count) size *= 2;
    const grown = new Float64Array(size);
    grown.set(table.values.subarray(0, table.filled));
    table.values = grown;
  }
  const tableExponential = usesTableExponential(parameters);
  for (let n = table.filled; n <= count; n++) table.values[n] = agglomerationTerm(agg.form, n, agg.offset, agg.saturation, tableExponential);
  table.filled = count + 1;
  return table.values[count];
}

/**
 * The table's values, filled for every whole count up to `count` (so a loop can read g(n) for any
 * n ≤ count without a call per cell). The returned array may be replaced when the table grows: read it
 * again after the next call.
 */
export function agglomerationTableUpTo(table: AgglomerationTable, parameters: Parameters, count: number): Float64Array {
  if (parameters.choice.agglomeration.form !== 'linear' && count >= table.filled) agglomerationOfCount(table, parameters, count);
  return table.values;
}
