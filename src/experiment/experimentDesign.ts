/**
 * From a validated experiment to its design points: the unit-hypercube design of the requested type
 * (src/analysis/designs), mapped through each factor's distribution to parameter values. A pure,
 * deterministic function of the experiment definition (and, for a CSV design, of the file's rows):
 * every machine of a cluster, and `zonesim merge`, regenerate exactly the same points.
 *
 * Randomised designs (Monte Carlo, Latin hypercube, Morris) draw from `seedrandom.alea` seeded with
 * `zonesim-experiment:<seed>:design`, a stream of their own: the model's replications use
 * `replicationSeed(seed, r)` and never see it.
 */
import seedrandom from 'seedrandom';
import { createDesignMatrix, type DesignMatrix } from '../analysis/designMatrix.ts';
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { fullFactorialDesign } from '../analysis/designs/fullFactorialDesign.ts';
import { latinHypercubeDesign } from '../analysis/designs/latinHypercubeDesign.ts';
import { mapUnitDesignToFactors, type MappedDesign } from '../analysis/designs/mapUnitDesignToFactors.ts';
import { monteCarloDesign } from '../analysis/designs/monteCarloDesign.ts';
import { morrisDesign } from '../analysis/designs/morrisDesign.ts';
import { saltelliDesign } from '../analysis/designs/saltelliDesign.ts';
import type { UniformGenerator } from '../analysis/uniformGenerator.ts';
import { listParameterLeaves, type ParameterLeaf } from '../model/parameterSpecification.ts';
import { describeNumericExpectation, type RangedParameterLeaf } from '../scenario/parameterText.ts';
import { formatNumber, ScenarioError } from '../scenario/scenarioError.ts';
import { fullFactorialLevelCounts, type ExperimentDefinition, type ExperimentFactor } from './experimentDefinition.ts';

/** The rows of a CSV design, as read by the loader (factor units; choice factors as 0-based indices). */
export interface CsvDesignRows {
  /** The CSV file as written in the experiment file. */
  readonly file: string;
  /** One row per point, values in the order of the experiment's factors. */
  readonly rows: readonly (readonly number[])[];
}

/** The design points of an experiment. */
export interface ExperimentDesignPoints {
  /** Unit-hypercube coordinates (null for a CSV design, which is given in factor units). */
  readonly unit: DesignMatrix | null;
  /** Factor values per point: numeric (choice factors with non-numeric values as indices) and as model inputs. */
  readonly mapped: MappedDesign;
  /** Per point, the factor values in factor order (what the workers apply to the base scenario). */
  readonly values: readonly (readonly FactorValue[])[];
  /** Morris trajectory facts (null unless a Morris design). */
  readonly morris: { readonly trajectoryCount: number; readonly levelCount: number; readonly delta: number } | null;
  /** Saltelli block sizes (null unless a Sobol' design). */
  readonly saltelli: { readonly baseSampleCount: number; readonly factorCount: number } | null;
  readonly pointCount: number;
}

/** The random stream of a randomised design. */
export function designGenerator(seed: number): UniformGenerator {
  return seedrandom.alea(`zonesim-experiment:${seed}:design`) as unknown as UniformGenerator;
}

function valuesOf(mapped: MappedDesign): FactorValue[][] {
  return mapped.rows.map((row) => mapped.factorNames.map((name) => row[name]));
}

/**
 * Generate the design points of an experiment.
 *
 * Designs (unit hypercube, then {@link mapUnitDesignToFactors}): full factorial with 'endpoints'
 * levels (each factor's lowest and highest value included; a choice factor's every value); Monte
 * Carlo; Latin hypercube with random placement in the strata; Morris trajectories (endpoints grid,
 * optional Campolongo selection from `candidates`); Saltelli's A, B, A_B^(i) blocks from the Sobol'
 * sequence (first point skipped). A CSV design is taken as given.
 *
 * @param definition the validated experiment.
 * @param csv the CSV design's rows (required for a CSV design, ignored otherwise).
 * @returns the {@link ExperimentDesignPoints}.
 * @throws {Error} for a CSV design without rows (a programming error: the loader reads them).
 * @example generateExperimentDesign(definition).pointCount // 10240 for a Sobol' design with N = 1024, k = 8
 */
export function generateExperimentDesign(definition: ExperimentDefinition, csv: CsvDesignRows | null = null): ExperimentDesignPoints {
  const factors = definition.factors.map((f) => ({ name: f.name, distribution: f.distribution }));
  const k = factors.length;
  const design = definition.design;
  const finish = (unit: DesignMatrix, extra: Partial<Pick<ExperimentDesignPoints, 'morris' | 'saltelli'>> = {}): ExperimentDesignPoints => {
    const mapped = mapUnitDesignToFactors(unit, factors);
    return { unit, mapped, values: valuesOf(mapped), morris: extra.morris ?? null, saltelli: extra.saltelli ?? null, pointCount: unit.rowCount };
  };
  switch (design.type) {
    case 'full-factorial':
      return finish(fullFactorialDesign(fullFactorialLevelCounts(definition.factors, design.levels), 'endpoints'));
    case 'monte-carlo':
      return finish(monteCarloDesign(design.samples, k, designGenerator(definition.seed)));
    case 'latin-hypercube':
      return finish(latinHypercubeDesign(design.samples, k, designGenerator(definition.seed), 'random'));
    case 'morris': {
      const morris = morrisDesign(design.trajectories, k, designGenerator(definition.seed), {
        levelCount: design.levels,
        candidateTrajectoryCount: design.candidates ?? design.trajectories,
        placement: 'endpoints',
      });
      return finish(morris.points, { morris: { trajectoryCount: morris.trajectoryCount, levelCount: morris.levelCount, delta: morris.delta } });
    }
    case 'sobol': {
      const saltelli = saltelliDesign(design.baseSamples, k, { sequence: 'sobol' });
      return finish(saltelli.points, { saltelli: { baseSampleCount: saltelli.baseSampleCount, factorCount: saltelli.factorCount } });
    }
    case 'csv': {
      if (csv === null) throw new Error('generateExperimentDesign: a csv design needs its rows');
      const numericValues = createDesignMatrix(csv.rows.length, k);
      const rows: Record<string, FactorValue>[] = [];
      csv.rows.forEach((row, i) => {
        numericValues.values.set(row, i * k);
        const record: Record<string, FactorValue> = {};
        definition.factors.forEach((factor, j) => {
          const value = row[j];
          const distribution = factor.distribution;
          record[factor.name] =
            distribution.kind === 'choice' && !distribution.values.every((v) => typeof v === 'number') ? distribution.values[value] : value;
        });
        rows.push(record);
      });
      const mapped: MappedDesign = { factorNames: definition.factors.map((f) => f.name), numericValues, rows };
      return { unit: null, mapped, values: valuesOf(mapped), morris: null, saltelli: null, pointCount: csv.rows.length };
    }
  }
}

let leafIndex: Map<string, ParameterLeaf> | null = null;

/**
 * Check the rows of a CSV design against the experiment's factors: every value must be one the
 * parameter allows (inside its range, an integer for an integer parameter, 0/1 for a switch, a valid
 * 0-based index of the choice list for a choice factor with non-numeric values, one of the listed
 * values for a numeric choice factor).
 *
 * @param rows the values in factor order, one array per data line (line 1 is the header).
 * @param factors the experiment's factors.
 * @param file the CSV file label for messages.
 * @throws {ScenarioError} naming the file, line and factor of the first bad value.
 * @example checkCsvDesignRows([[5, 0.02]], definition.factors, 'design.csv'); // ok
 */
export function checkCsvDesignRows(rows: readonly (readonly number[])[], factors: readonly ExperimentFactor[], file: string): void {
  leafIndex ??= new Map(listParameterLeaves());
  rows.forEach((row, i) => {
    factors.forEach((factor, j) => {
      const value = row[j];
      const leaf = leafIndex!.get(factor.name)!;
      const distribution = factor.distribution;
      let expected: string | null = null;
      if (distribution.kind === 'choice') {
        const numericChoice = distribution.values.every((v) => typeof v === 'number');
        if (numericChoice) {
          if (!distribution.values.includes(value)) expected = `one of the listed values (${distribution.values.join(', ')})`;
        } else if (!Number.isInteger(value) || value < 0 || value >= distribution.values.length) {
          expected = `the 0-based index of one of the choices (0 to ${distribution.values.length - 1}: ${distribution.values.join(', ')})`;
        }
      } else if (leaf.kind === 'number' || leaf.kind === 'integer') {
        const ranged = leaf as RangedParameterLeaf;
        const exclusive = ranged.kind === 'number' && ranged.exclusiveMinimum === true;
        const ok = (exclusive ? value > ranged.minimum : value >= ranged.minimum) && value <= ranged.maximum;
        const integer = leaf.kind === 'integer' || distribution.kind === 'integer';
        if (!ok || (integer && !Number.isInteger(value))) {
          expected = `${describeNumericExpectation(ranged).replace(/^a number/, integer ? 'an integer' : 'a number')} (the allowed range of ${factor.name})`;
        }
      }
      if (expected !== null) {
        throw new ScenarioError({ file, fieldPath: `factor ${JSON.stringify(factor.name)}`, expected, found: formatNumber(value), line: i + 2 });
      }
    });
  });
}
