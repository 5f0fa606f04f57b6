/**
 * The run folder's lock (issue 11, D3): one command at a time writes a run folder. Unit checks of the
 * lock file (created atomically, re-entrant in one process, released on close; a stale lock of a dead
 * process on this host taken over with a message; a live one, or one of another host, refused in one
 * line), and two real `zonesim run` processes on one --out: the second is refused with exit 1 while
 * the first finishes, and the folder then matches the first command (manifest and results.csv agree).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME, lockRunFolder, RunFolderLockedError } from '../../src/runner/runFolderLock.ts';
import { RunStore, RunStoreError } from '../../src/runner/runStore.ts';
import { removeScratchDirs, scratchDir, writeSmallScenarios } from './runnerHelpers.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'zonesim.mjs');

afterAll(removeScratchDirs);

/** The id of a process that has exited (a child that ran `true`). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

describe('lockRunFolder', () => {
  it('creates run.lock with this process as owner, is re-entrant, and removes it on the last release', () => {
    const dir = scratchDir();
    const release = lockRunFolder(dir, 'zonesim run a.yaml');
    const owner = JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, hostname: os.hostname(), command: 'zonesim run a.yaml' });
    const again = lockRunFolder(dir, 'zonesim run a.yaml');
    again();
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(true);
    release();
    release(); // idempotent
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a folder locked by a live process in one line naming it', () => {
    const dir = scratchDir();
    // The parent of this process is alive and is not this process.
    const owner = { pid: process.ppid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'zonesim run other.yaml --seed 8' };
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(owner));
    expect(() => lockRunFolder(dir, 'zonesim run a.yaml')).toThrow(RunFolderLockedError);
    expect(() => lockRunFolder(dir, 'zonesim run a.yaml')).toThrow(
      `${dir}: in use by another zonesim command (process ${process.ppid}, since 2026-01-01T00:00:00.000Z: zonesim run other.yaml --seed 8); wait for it to finish, or choose another --out folder`,
    );
    // The other command's lock is left alone.
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.ppid);
  });

  it('never takes over the lock of another host (its process cannot be checked from here)', () => {
    const dir = scratchDir();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid(), hostname: `${os.hostname()}-elsewhere`, startedAt: 't', command: 'zonesim bundled' }));
    expect(() => lockRunFolder(dir, 'zonesim bundled')).toThrow(/on host .*-elsewhere, since t: zonesim bundled\); .*delete .*run\.lock\)$/);
  });

  it('takes over the stale lock of a process that no longer runs, and says so', () => {
    const dir = scratchDir();
    const pid = deadPid();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'zonesim bundled' }));
    const notices: string[] = [];
    const release = lockRunFolder(dir, 'zonesim bundled --seed 3', (m) => notices.push(m));
    expect(notices).toEqual([`${dir}: taking over the lock of zonesim process ${pid} (started 2026-01-01T00:00:00.000Z), which no longer runs`]);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('a store opened for writing holds the lock until closed; a read-only store takes none', () => {
    const dir = scratchDir();
    const store = RunStore.openFolder(dir);
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(true);
    store.close();
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    const reader = RunStore.openFolder(dir, { readonly: true });
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    reader.close();
    // A store of a locked folder is refused as a RunStoreError (one line, exit 1 on the command line).
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: process.ppid, hostname: os.hostname(), startedAt: 't', command: 'c' }));
    expect(() => RunStore.openFolder(dir)).toThrow(RunStoreError);
  });
});

describe('two commands on one run folder', () => {
  it('refuses the second in one line with exit 1 while the first runs; the folder then is the first command’s', async () => {
    const dir = scratchDir();
    const files = writeSmallScenarios(dir, { years: 6 });
    const out = path.join(dir, 'shared');
    const env = { ...process.env, CI: 'true' };
    const first = spawn(process.execPath, [bin, 'run', ...files, '--reps', '12', '--seed', '7', '--workers', '1', '--out', out, '--no-report'], { cwd: dir, env });
    let firstErr = '';
    first.stderr.on('data', (d: Buffer) => (firstErr += d.toString()));
    const firstExit = new Promise<number | null>((resolve) => first.on('close', (code) => resolve(code)));
    // Wait until the first command holds the lock (or has finished, which would make the test fail below).
    let finished = false;
    void firstExit.then(() => (finished = true));
    while (!existsSync(path.join(out, LOCK_FILE_NAME)) && !finished) await new Promise((r) => setTimeout(r, 5));
    expect(finished).toBe(false);
    // Hold the first command where it is (SIGSTOP) while the second starts, so that it is certainly
    // still running, however slow the machine; then let it go on (SIGCONT).
    first.kill('SIGSTOP');
    const second = spawnSync(process.execPath, [bin, 'run', ...files, '--reps', '3', '--seed', '8', '--out', out, '--no-report', '--quiet'], { cwd: dir, env, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^zonesim: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: in use by another zonesim command \\(process ${first.pid}, since [^)]*\\); wait for it to finish, or choose another --out folder\\n$`));
    first.kill('SIGCONT');
    expect(await firstExit).toBe(0);
    expect(firstErr).not.toMatch(/internal error/);
    // The folder is the first command's: seed 7 in the manifest, 12 replications of seed-7 rows.
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.baseSeed).toBe(7);
    const seeds = new Set(manifest.seeds.map((s: { seed: number }) => String(s.seed)));
    const rows = readFileSync(path.join(out, 'results.csv'), 'utf8').trim().split('\n').slice(1);
    expect(new Set(rows.map((line) => line.split(',')[2]))).toEqual(seeds);
    expect(new Set(rows.map((line) => line.split(',')[1])).size).toBe(12);
    expect(existsSync(path.join(out, LOCK_FILE_NAME))).toBe(false);
  }, 120_000);
});
