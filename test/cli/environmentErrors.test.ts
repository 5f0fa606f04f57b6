/**
 * A broken environment is not a zonesim bug (issue 11, D4): a full disk, a read-only or forbidden
 * output folder, a folder where run.sqlite or a CSV file should be, a run store damaged on disk —
 * each is ONE line `zonesim: …` saying what to do, with exit code 1 (before: exit 70, "internal
 * error … please report this"). The full disk is simulated with /dev/full (every write fails with
 * ENOSPC) linked in place of results.csv; the read-only folder with chmod, which binds only a
 * non-root user (the test is skipped as root, saying so).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { environmentErrorMessage, withStoreFile } from '../../src/runner/environmentErrors.ts';
import { removeScratchDirs, scratchDir, writeSmallScenarios } from '../runner/runnerHelpers.ts';

afterAll(removeScratchDirs);

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: () => undefined, err: (s) => (err += s) });
  return { code, err };
}

/** A small comparison's command line into `out`. */
function runArgs(dir: string, out: string): string[] {
  const [baseline] = writeSmallScenarios(dir);
  return ['run', baseline, '--reps', '2', '--seed', '5', '--out', out, '--quiet', '--no-report', '--workers', '1'];
}

/** Exactly one line starting with "zonesim: " and no stack trace or internal error. */
function expectOneLine(err: string): void {
  expect(err).toMatch(/^zonesim: [^\n]+\n$/);
  expect(err).not.toMatch(/internal error|please report|    at /);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('environment problems on the command line', () => {
  it.skipIf(!existsSync('/dev/full'))('a full disk while writing the CSV files: one line, exit 1, and the run resumes once there is space', async () => {
    const dir = scratchDir();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    symlinkSync('/dev/full', path.join(out, 'results.csv'));
    const args = runArgs(dir, out);
    const full = await cli(...args);
    expect(full.code).toBe(1);
    expectOneLine(full.err);
    expect(full.err).toMatch(/^zonesim: no space left on the device \(ENOSPC: no space left on device, write\); free some space or choose an --out folder on another disk, then run the same command again: finished tasks are kept/);
    unlinkSync(path.join(out, 'results.csv'));
    const resumed = await cli(...args);
    expect(resumed.code).toBe(0);
    expect(readFileSync(path.join(out, 'results.csv'), 'utf8').split('\n').length).toBeGreaterThan(2);
  });

  it('run.sqlite or a CSV file being a folder: one line naming it, exit 1', async () => {
    const dir = scratchDir();
    const storeDir = path.join(dir, 'store-is-a-folder');
    mkdirSync(path.join(storeDir, 'run.sqlite'), { recursive: true });
    const store = await cli(...runArgs(dir, storeDir));
    expect(store.code).toBe(1);
    expectOneLine(store.err);
    expect(store.err).toBe(`zonesim: ${path.join(storeDir, 'run.sqlite')}: is a folder, not a run store; remove or rename it, or choose another --out folder\n`);

    const csvDir = path.join(dir, 'csv-is-a-folder');
    mkdirSync(path.join(csvDir, 'zones.csv'), { recursive: true });
    const csv = await cli(...runArgs(dir, csvDir));
    expect(csv.code).toBe(1);
    expectOneLine(csv.err);
    expect(csv.err).toMatch(/^zonesim: .*zones\.csv: is a folder where zonesim reads or writes a file \(EISDIR: .*\); remove or rename it, or choose another --out folder\n$/);
  });

  it('a run store damaged on disk (a page of its tasks table overwritten): one line saying what to do, exit 1', async () => {
    const dir = scratchDir();
    const out = path.join(dir, 'out');
    const args = runArgs(dir, out);
    expect((await cli(...args)).code).toBe(0);
    const file = path.join(out, 'run.sqlite');
    // The page of the tasks table (dbstat names each page's table), overwritten at its header.
    const db = new Database(file);
    const page = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'tasks' AND pagetype = 'leaf'").get() as { pageno: number }).pageno;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, (page - 1) * pageSize, (page - 1) * pageSize + 8);
    writeFileSync(file, bytes);
    const damaged = await cli(...args);
    expect(damaged.code).toBe(1);
    expectOneLine(damaged.err);
    expect(damaged.err).toBe(
      `zonesim: ${file}: the run store is damaged (SQLITE_CORRUPT: database disk image is malformed); move it away or delete its folder, then run the command again (its tasks are computed again)\n`,
    );
  });

  it.skipIf(isRoot)('a read-only output folder: one line, exit 1 (skipped as root: chmod does not bind root)', async () => {
    const dir = scratchDir();
    const out = path.join(dir, 'read-only');
    mkdirSync(out);
    chmodSync(out, 0o555);
    try {
      const result = await cli(...runArgs(dir, out));
      expect(result.code).toBe(1);
      expectOneLine(result.err);
      expect(result.err).toMatch(/permission denied \(EACCES: .*\); give this user access to it, or choose another --out folder\n$/);
    } finally {
      chmodSync(out, 0o755);
    }
  });
});

describe('environmentErrorMessage', () => {
  const errno = (code: string, message: string, file?: string) => Object.assign(new Error(message), { code, ...(file === undefined ? {} : { path: file }) });

  it('says what to do for each kind of problem, naming the file when the error has one', () => {
    expect(environmentErrorMessage(errno('EROFS', "EROFS: read-only file system, open 'out/results.csv'", 'out/results.csv'))).toBe(
      "out/results.csv: the file system is read-only (EROFS: read-only file system, open 'out/results.csv'); choose an --out folder on a writable disk",
    );
    expect(environmentErrorMessage(errno('EACCES', 'EACCES: permission denied, mkdir', 'out'))).toBe('out: permission denied (EACCES: permission denied, mkdir); give this user access to it, or choose another --out folder');
    expect(environmentErrorMessage(errno('EDQUOT', 'EDQUOT: disk quota exceeded, write'))).toMatch(/^no space left on the device \(EDQUOT: disk quota exceeded, write\); free some space/);
    expect(environmentErrorMessage(withStoreFile(errno('SQLITE_FULL', 'database or disk is full'), 'out/run.sqlite'))).toMatch(
      /^out\/run\.sqlite: no space left on the device \(SQLITE_FULL: database or disk is full\)/,
    );
    expect(environmentErrorMessage(withStoreFile(errno('SQLITE_READONLY_DBMOVED', 'attempt to write a readonly database'), 'r.sqlite'))).toBe(
      'r.sqlite: the run store cannot be written (SQLITE_READONLY_DBMOVED: attempt to write a readonly database); make the folder and its files writable or choose another --out folder',
    );
    expect(environmentErrorMessage(withStoreFile(errno('SQLITE_NOTADB', 'file is not a database'), 'r.sqlite'))).toMatch(/^r\.sqlite: the run store is damaged \(SQLITE_NOTADB: file is not a database\)/);
    expect(environmentErrorMessage(errno('SQLITE_IOERR_WRITE', 'disk I/O error'))).toMatch(/^the disk failed while the run store was read or written \(SQLITE_IOERR_WRITE: disk I\/O error\)/);
  });

  it('is null for errors that are not the environment’s (bugs stay internal errors)', () => {
    expect(environmentErrorMessage(new TypeError('x is undefined'))).toBeNull();
    expect(environmentErrorMessage(errno('ERR_INVALID_ARG_TYPE', 'bad argument'))).toBeNull();
    expect(environmentErrorMessage(errno('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed'))).toBeNull();
    expect(environmentErrorMessage(null)).toBeNull();
  });
});
