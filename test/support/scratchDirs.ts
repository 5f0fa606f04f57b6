import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const scratchDirs: string[] = [];

/** A new empty scratch folder in the system temp folder (removed by {@link removeScratchDirs}). */
export function scratchDir(prefix = 'zonesim-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** Remove every scratch folder made so far (call in afterAll). */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
