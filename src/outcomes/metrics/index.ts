/**
 * Outcome metrics: concentration, specialisation and relatedness measures of zones and industries.
 * Pure functions on typed arrays / `ArrayLike<number>`; see each file for formulas and references.
 * Quantiles, means, etc. come from `simple-statistics` and are not re-implemented here.
 */
export { herfindahlIndex } from './herfindahlIndex.ts';
export { locationQuotient } from './locationQuotient.ts';
export { ellisonGlaeserIndex, rawGeographicConcentration } from './ellisonGlaeserIndex.ts';
export {
  meanRelatednessDensityOfPresentIndustries,
  relatednessDensity,
  revealedComparativeAdvantagePresence,
  type WritableNumberArray,
} from './relatednessDensity.ts';
