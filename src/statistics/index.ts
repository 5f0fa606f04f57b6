// Public surface of the statistics used to compare scenarios over seeded replications.
// One concept per file; see each file's doc comments for formulas, references and degenerate cases.
export {
  assertConfidenceLevel,
  assertDegreesOfFreedom,
  assertFiniteSample,
  MAXIMUM_STUDENT_T_DEGREES_OF_FREEDOM,
} from './inputValidation.ts';
export {
  DEFAULT_SMALLEST_EFFECT_FRACTION,
  DIFFERENCE_VERDICTS,
  differenceVerdict,
  type DifferenceVerdict,
  type DifferenceVerdictOptions,
  type DifferenceWithVerdict,
} from './differenceVerdict.ts';
export { FLOATING_POINT_TOLERANCE, isFloatingPointResidue, pairsAreFloatingPointResidue } from './floatingPointResidue.ts';
export { logBetaFunction } from './logBetaFunction.ts';
export { meanConfidenceInterval, type MeanConfidenceInterval } from './meanConfidenceInterval.ts';
export {
  pairedDifference,
  type PairedDifference,
  type PairedDifferenceDirection,
} from './pairedDifference.ts';
export { regularizedIncompleteBeta } from './regularizedIncompleteBeta.ts';
export { studentTCumulativeDistribution } from './studentTCumulativeDistribution.ts';
export {
  studentTLogProbabilityDensity,
  studentTProbabilityDensity,
} from './studentTProbabilityDensity.ts';
export { studentTQuantile } from './studentTQuantile.ts';
export {
  END_STATE_QUANTILE_PROBABILITIES,
  summariseEndState,
  type EndStateSummary,
} from './summariseEndState.ts';
export { WelfordAccumulator, type WelfordAccumulatorState } from './welfordAccumulator.ts';
