/**
 * Entry point of the classroom page: builds the catalogue of bundled scenarios, exercise presets and
 * exercises (bundled by Vite at build time), and starts the page with its simulation workers.
 */
import { bundledScenarioFiles, exerciseFiles, exercisePresetFiles } from './bundledFiles.ts';
import { buildExercises, buildScenarioCatalogue } from './catalogue.ts';
import { ClassroomApp } from './classroomApp.ts';
// The worker is bundled as a classic (iife) script and inlined into the page (a Blob URL at run time),
// so the built page is one file that also works when opened from disk (file://).
import SimulationWorker from './simulationWorker.ts?worker&inline';

/** Batch workers: one per core, at most 4 (the page's own thread keeps drawing). */
const poolSize = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));

function createWorker(): Worker {
  return new SimulationWorker({ name: 'zonesim-model' });
}

const app = new ClassroomApp({
  scenarios: buildScenarioCatalogue({ ...bundledScenarioFiles, ...exercisePresetFiles }),
  exercises: buildExercises(exerciseFiles),
  createWorker,
  poolSize,
});
app.start();
