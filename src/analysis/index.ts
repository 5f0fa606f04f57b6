/**
 * Analysis library: experimental designs and sensitivity / scenario-discovery methods, usable on
 * any function, not only the zonesim model. Pure and deterministic given a seeded
 * {@link UniformGenerator}; one concept per file, see each file's doc comments for formulas and
 * references. Workflow: make a unit-hypercube design (`designs/`), map it to factor values
 * ({@link mapUnitDesignToFactors}), run the model on every row, analyse the outputs against the
 * design (Morris, Sobol', PRIM).
 */
export {
  createDesignMatrix,
  designMatrixColumn,
  designMatrixFromRows,
  designMatrixRows,
  type DesignMatrix,
} from './designMatrix.ts';
export { drawUniform, drawUniformInteger, type UniformGenerator } from './uniformGenerator.ts';

export { fullFactorialDesign, type FullFactorialLevelPlacement } from './designs/fullFactorialDesign.ts';
export { monteCarloDesign } from './designs/monteCarloDesign.ts';
export { latinHypercubeDesign, type LatinHypercubePlacement } from './designs/latinHypercubeDesign.ts';
export {
  morrisDesign,
  type MorrisDesign,
  type MorrisDesignOptions,
  type MorrisLevelPlacement,
} from './designs/morrisDesign.ts';
export { MAXIMUM_SOBOL_DIMENSION, sobolSequence } from './designs/sobolSequence.ts';
export { JOE_KUO_DIRECTION_NUMBERS } from './designs/sobolDirectionNumbers.ts';
export {
  saltelliDesign,
  type SaltelliBaseSequence,
  type SaltelliDesign,
  type SaltelliDesignOptions,
} from './designs/saltelliDesign.ts';
export {
  assertValidFactorDistribution,
  factorDistributionQuantile,
  type ChoiceFactorDistribution,
  type FactorDistribution,
  type FactorValue,
  type IntegerFactorDistribution,
  type NormalFactorDistribution,
  type TriangularFactorDistribution,
  type UniformFactorDistribution,
} from './designs/factorDistributions.ts';
export { mapUnitDesignToFactors, type Factor, type MappedDesign } from './designs/mapUnitDesignToFactors.ts';
export { parseDesignCsv, type ParseDesignCsvOptions, type ParsedDesignCsv } from './designs/parseDesignCsv.ts';
export { standardNormalCumulativeDistribution } from './designs/standardNormalCumulativeDistribution.ts';
export { standardNormalQuantile } from './designs/standardNormalQuantile.ts';

export { bootstrapPercentileInterval, type BootstrapInterval } from './bootstrapPercentileInterval.ts';
export {
  morrisElementaryEffects,
  type MorrisAnalysis,
  type MorrisElementaryEffectsOptions,
  type MorrisFactorSensitivity,
} from './morrisElementaryEffects.ts';
export {
  sobolSensitivityIndices,
  type SaltelliDesignShape,
  type SobolAnalysis,
  type SobolFactorIndices,
  type SobolSensitivityIndicesOptions,
} from './sobolSensitivityIndices.ts';
export {
  primScenarioDiscovery,
  type PrimBox,
  type PrimOptions,
  type PrimRestriction,
  type PrimResult,
} from './primScenarioDiscovery.ts';
export { thresholdOutcome, type ThresholdComparison } from './thresholdOutcome.ts';

export {
  ISHIGAMI_FACTORS,
  ishigamiAnalyticIndices,
  ishigamiFunction,
  type IshigamiAnalyticIndices,
} from './testFunctions/ishigamiFunction.ts';
export {
  sobolGFunction,
  sobolGFunctionAnalyticIndices,
  type SobolGFunctionAnalyticIndices,
} from './testFunctions/sobolGFunction.ts';
