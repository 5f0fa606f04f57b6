/**
 * Where src/experiment/loadExperimentFile.ts finds `withFactorValues`. The function lives with the
 * run pipeline (src/runner/parameterSets.ts), which applies every parameter set's overrides in the
 * task workers; an experiment task is an ordinary task of its run (src/experiment/experimentTasks.ts).
 */
export { withFactorValues } from '../runner/parameterSets.ts';
