import { exp, log } from './deterministicMath.ts';
import type { Parameters } from './parameterSpecification.ts';

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
 * @example agglomerationTerm('log', 3, 1, 50) // ln 4
 */
export function agglomerationTerm(
  form: Parameters['choice']['agglomeration']['form'],
  firmCount: number,
  offset: number,
  saturation: number,
): number {
  switch (form) {
    case 'log':
      return log(firmCount + offset);
    case 'linear':
      return firmCount;
    case 'bounded':
      return 1 - exp(-firmCount / saturation);
  }
}
