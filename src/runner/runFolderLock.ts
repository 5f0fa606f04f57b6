/**
 * The lock of a run folder: while a zonesim command writes a run folder (a comparison, an experiment,
 * a calibration or a merge), the folder holds `run.lock`, so that a second command on the same folder
 * is refused in one line instead of interleaving its writes with the first's (issue 11, D3: two runs
 * with different seeds on one `--out` both exited 0 and left a manifest that matched neither's
 * results).
 *
 * The lock file is created atomically (`open(…, 'wx')`: O_CREAT | O_EXCL, which fails when the file
 * exists) and holds the owner's process id, host name, start time and command line (JSON). It is
 * removed when the store is closed and, failing that, when the process exits (also on a second
 * Ctrl-C). A lock left by a process that was killed (SIGKILL, a power cut) is stale: when its host
 * is this host and no process has its id, the next command takes it over and says so. A lock of
 * another host (a shared network folder) is never taken over: its owner cannot be checked from here.
 *
 * Within one process the lock is re-entrant (a count per folder), so an analysis may open its store
 * twice.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** File name of the lock inside a run folder. */
export const LOCK_FILE_NAME = 'run.lock';

/** What a lock file says about its owner. */
export interface RunFolderLockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** ISO 8601 time the lock was taken. */
  readonly startedAt: string;
  /** The owner's command line (`zonesim …`), for the message of a refused command. */
  readonly command: string;
}

/** The folder is locked by a live process (or one on another host); reported in one line, exit 1. */
export class RunFolderLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunFolderLockedError';
  }
}

/** Locks this process holds: resolved lock file → count of holders. */
const held = new Map<string, number>();
let exitHookInstalled = false;

/** Remove every lock this process still holds (the process is exiting; synchronous). */
function releaseAllOnExit(): void {
  for (const file of held.keys()) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  held.clear();
}

/** Whether a process with this id exists on this host (EPERM: it exists but belongs to another user). */
function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The owner recorded in a lock file, or null when the file is gone, empty or not a lock (being written). */
function readOwner(file: string): RunFolderLockOwner | null | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<RunFolderLockOwner>;
    if (typeof value.pid === 'number' && typeof value.hostname === 'string') {
      return { pid: value.pid, hostname: value.hostname, startedAt: String(value.startedAt ?? '?'), command: String(value.command ?? '?') };
    }
  } catch {
    // not JSON (yet)
  }
  return null;
}

/** Create the lock file with O_EXCL; false when it exists. */
function createExclusive(file: string, owner: RunFolderLockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A lock file that cannot be parsed and is older than this is treated as left by a crash while being written. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

/**
 * Take over a stale lock under a takeover guard (a directory, created atomically), so that two
 * commands finding the same stale lock cannot both take it: the loser finds the winner's live lock.
 *
 * @returns true when the stale lock was removed (the caller then creates its own).
 */
function removeStaleLock(file: string, isStillStale: () => boolean): boolean {
  const guard = `${file}.takeover`;
  try {
    mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another command is taking the lock over right now (or crashed doing so long ago).
    try {
      if (Date.now() - statSync(guard).mtimeMs > UNREADABLE_LOCK_GRACE_MS) rmdirSync(guard);
    } catch {
      // gone meanwhile
    }
    return false;
  }
  try {
    if (!isStillStale()) return false;
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return true;
  } finally {
    rmdirSync(guard);
  }
}

/**
 * Lock a run folder for this process (the folder must exist), or join this process's lock of it.
 *
 * @param dir the run folder.
 * @param command the command line, recorded for the message another command shows.
 * @param onNotice told when a stale lock (of a process that no longer runs) is taken over.
 * @returns a function that releases the lock (idempotent).
 * @throws {RunFolderLockedError} when another live process (or a process on another host) holds it.
 * @example const release = lockRunFolder('reports/x', 'zonesim run a.yaml'); try { … } finally { release(); }
 */
export function lockRunFolder(dir: string, command: string, onNotice: (message: string) => void = () => {}): () => void {
  const file = path.resolve(dir, LOCK_FILE_NAME);
  const count = held.get(file);
  if (count !== undefined) {
    held.set(file, count + 1);
    return releaser(file);
  }
  const me: RunFolderLockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(file, me)) {
      held.set(file, 1);
      if (!exitHookInstalled) {
        process.on('exit', releaseAllOnExit);
        exitHookInstalled = true;
      }
      return releaser(file);
    }
    const owner = readOwner(file);
    if (owner === 'gone') continue;
    if (owner === null) {
      let age = 0;
      try {
        age = Date.now() - statSync(file).mtimeMs;
      } catch {
        continue;
      }
      if (age < UNREADABLE_LOCK_GRACE_MS) {
        throw new RunFolderLockedError(`${dir}: in use by another zonesim command (its lock ${LOCK_FILE_NAME} is being written); wait for it to finish, or choose another --out folder`);
      }
      if (removeStaleLock(file, () => readOwner(file) === null)) onNotice(`${dir}: removed an unreadable lock file ${LOCK_FILE_NAME} left by a crash`);
      continue;
    }
    const sameHost = owner.hostname === os.hostname();
    if (sameHost && owner.pid !== process.pid && !processAlive(owner.pid)) {
      const stale = (): boolean => {
        const now = readOwner(file);
        return now !== null && now !== 'gone' && now.pid === owner.pid && now.startedAt === owner.startedAt;
      };
      if (removeStaleLock(file, stale)) {
        onNotice(`${dir}: taking over the lock of zonesim process ${owner.pid} (started ${owner.startedAt}), which no longer runs`);
      }
      continue;
    }
    const where = sameHost ? `process ${owner.pid}` : `process ${owner.pid} on host ${owner.hostname}`;
    const hint = sameHost
      ? 'wait for it to finish, or choose another --out folder'
      : `wait for it to finish, or choose another --out folder (if it no longer runs on ${owner.hostname}, delete ${path.join(dir, LOCK_FILE_NAME)})`;
    throw new RunFolderLockedError(`${dir}: in use by another zonesim command (${where}, since ${owner.startedAt}: ${clip(owner.command)}); ${hint}`);
  }
  throw new RunFolderLockedError(`${dir}: could not take the lock ${LOCK_FILE_NAME} (other commands keep taking it); wait for them to finish, or choose another --out folder`);
}

/** A command line cut to 120 characters for a message. */
function clip(command: string): string {
  return command.length > 120 ? `${command.slice(0, 119)}…` : command;
}

function releaser(file: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const count = held.get(file) ?? 0;
    if (count > 1) {
      held.set(file, count - 1);
      return;
    }
    held.delete(file);
    try {
      unlinkSync(file);
    } catch {
      // already gone (the folder was deleted)
    }
  };
}
