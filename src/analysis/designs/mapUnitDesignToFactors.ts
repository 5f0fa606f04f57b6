import { createDesignMatrix, type DesignMatrix } from '../designMatrix.ts';
import {
  assertValidFactorDistribution,
  quantileOfValidDistribution,
  type FactorDistribution,
  type FactorValue,
} from './factorDistributions.ts';

/** A named factor (lever or uncertainty) and its distribution. */
export interface Factor {
  /** Name, e.g. a parameter path such as `finance.guaranteeFund.size`; unique within a design. */
  readonly name: string;
  /** Distribution the unit coordinate is mapped to. */
  readonly distribution: FactorDistribution;
}

/** A unit design mapped to factor values, in two shapes. */
export interface MappedDesign {
  /** The factor names, in column order. */
  readonly factorNames: readonly string[];
  /**
   * Numeric version, `rowCount × factorCount`: the factor value, except for a choice factor whose
   * list holds any non-number, where it is the 0-based index of the chosen value. This is what
   * {@link primScenarioDiscovery} and scatter plots read.
   */
  readonly numericValues: DesignMatrix;
  /** One record per point, `{ [factor name]: value }`, with choice labels as given: the model inputs. */
  readonly rows: readonly Readonly<Record<string, FactorValue>>[];
}

/**
 * Map every point of a unit-hypercube design to factor values through each factor's quantile
 * function.
 *
 * What and why: designs are generated on [0, 1]^k so that their defining structure (strata,
 * trajectories, the A/B pairing of Saltelli designs) does not depend on the factors; this is the
 * one step that turns them into model inputs. Sensitivity analyses keep reading the unit design
 * (Morris effects are then per full factor range); the mapped values go to the model and to PRIM.
 *
 * Formula: `value_ij = Q_j(u_ij)`, with `Q_j` the quantile function of factor `j`
 * ({@link factorDistributionQuantile}).
 *
 * Reference: Saltelli et al. (2008), *Global Sensitivity Analysis: The Primer*, §2.4 (inverse
 * transform of unit samples); Devroye (1986), §II.2.
 *
 * Units: unit coordinates in; factor units out.
 *
 * @param unitDesign a design on [0, 1]^k.
 * @param factors `k` factors, in column order, with unique non-empty names.
 * @returns the {@link MappedDesign}.
 * @throws {RangeError} if the number of factors differs from the design's columns, a name is empty
 *   or repeated, a distribution is malformed, or a coordinate is outside [0, 1] (the message names
 *   row, column and factor).
 * @example
 * const mapped = mapUnitDesignToFactors(designMatrixFromRows([[0.5, 0.9]]), [
 *   { name: 'subsidy', distribution: { kind: 'uniform', lower: 0, upper: 0.2 } },
 *   { name: 'fund', distribution: { kind: 'choice', values: ['none', 'guarantee'] } },
 * ]);
 * mapped.rows; // => [{ subsidy: 0.1, fund: 'guarantee' }]
 * mapped.numericValues.values; // => Float64Array [0.1, 1]
 */
export function mapUnitDesignToFactors(unitDesign: DesignMatrix, factors: readonly Factor[]): MappedDesign {
  const name = 'mapUnitDesignToFactors';
  const k = unitDesign.factorCount;
  if (factors.length !== k) {
    throw new RangeError(`${name}: the design has ${k} columns but ${factors.length} factors were given`);
  }
  const seen = new Set<string>();
  const numericChoice: boolean[] = [];
  for (let j = 0; j < k; j++) {
    const factor = factors[j];
    if (typeof factor?.name !== 'string' || factor.name === '') {
      throw new RangeError(`${name}: factors[${j}] needs a non-empty name`);
    }
    if (seen.has(factor.name)) throw new RangeError(`${name}: factor name '${factor.name}' is used twice`);
    seen.add(factor.name);
    assertValidFactorDistribution(factor.distribution, factor.name);
    numericChoice.push(
      factor.distribution.kind !== 'choice' || factor.distribution.values.every((value) => typeof value === 'number'),
    );
  }
  const numericValues = createDesignMatrix(unitDesign.rowCount, k);
  const output = numericValues.values;
  const input = unitDesign.values;
  const rows: Record<string, FactorValue>[] = new Array(unitDesign.rowCount);
  for (let i = 0; i < unitDesign.rowCount; i++) {
    const row: Record<string, FactorValue> = {};
    for (let j = 0; j < k; j++) {
      const index = i * k + j;
      const factor = factors[j];
      const u = input[index];
      if (!(u >= 0 && u <= 1)) {
        throw new RangeError(`${name}: row ${i}, column ${j} (factor '${factor.name}'): unit coordinate must be in [0, 1], got ${u}`);
      }
      const value = quantileOfValidDistribution(factor.distribution, u, factor.name);
      row[factor.name] = value;
      if (numericChoice[j]) {
        output[index] = value as number;
      } else {
        const choices = (factor.distribution as { values: readonly FactorValue[] }).values;
        output[index] = Math.min(Math.floor(u * choices.length), choices.length - 1);
      }
    }
    rows[i] = row;
  }
  return { factorNames: factors.map((factor) => factor.name), numericValues, rows };
}
