/**
 * The files Vite bundles into the page at build time: the bundled scenarios, the exercise presets
 * and the exercise texts, keyed by repository-relative path. Browser (Vite) only: `import.meta.glob`
 * is resolved by Vite, so the built page needs no server-side files and works offline.
 */
import { fromAppRelativePaths } from './catalogue.ts';

/** `scenarios/*.yaml` → text. */
export const bundledScenarioFiles: Record<string, string> = fromAppRelativePaths(
  import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }),
);

/** `docs/exercises/presets/*.yaml` → text. */
export const exercisePresetFiles: Record<string, string> = fromAppRelativePaths(
  import.meta.glob<string>('../../docs/exercises/presets/*.yaml', { query: '?raw', import: 'default', eager: true }),
);

/** `docs/exercises/*.md` → text. */
export const exerciseFiles: Record<string, string> = fromAppRelativePaths(
  import.meta.glob<string>('../../docs/exercises/*.md', { query: '?raw', import: 'default', eager: true }),
);
