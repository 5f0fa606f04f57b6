/**
 * Problems of the machine rather than of zonesim (issue 11, D4): a full disk, a read-only or
 * forbidden output folder, a folder where a file should be, a damaged run store. Each becomes one
 * line saying what happened and what to do, with exit code 1 — not exit 70 and "please report this".
 *
 * Recognised: Node's file-system errors by `code` (ENOSPC, EDQUOT, EACCES, EPERM, EROFS, EISDIR,
 * ENOTDIR, EMFILE, ENFILE, EIO, ENAMETOOLONG, ELOOP) and SQLite's (better-sqlite3's `SqliteError`:
 * SQLITE_FULL, SQLITE_READONLY…, SQLITE_CORRUPT…, SQLITE_NOTADB, SQLITE_IOERR…, SQLITE_CANTOPEN…,
 * SQLITE_BUSY, SQLITE_PERM, SQLITE_AUTH). The file is the error's `path` when it has one (Node's
 * errors of open, mkdir, rename…; the store file for SQLite errors, see {@link withStoreFile}).
 * Pure module.
 */

/** What the resume advice says: finished replications are in the store. */
const RESUME = 'finished tasks are kept in the run store, so running the same command again resumes';

/** The first line of an error's message, cut to 160 characters. */
function firstLine(message: string): string {
  const line = message.split(/\r?\n/)[0].trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/**
 * Attach the run store's file to a SQLite error thrown while using the store (as `path`), so that
 * {@link environmentErrorMessage} can name it. Other errors are returned unchanged.
 *
 * @example try { … } catch (error) { throw withStoreFile(error, store.file); }
 */
export function withStoreFile(error: unknown, file: string): unknown {
  const err = error as { code?: unknown; path?: unknown } | null;
  if (err !== null && typeof err === 'object' && typeof err.code === 'string' && err.code.startsWith('SQLITE_') && err.path === undefined) {
    try {
      err.path = file;
    } catch {
      // a frozen error: keep it as it is
    }
  }
  return error;
}

/**
 * The one-line message (without the `zonesim: ` prefix) of an error caused by the environment, or
 * null when the error is not one.
 *
 * @example environmentErrorMessage(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
 *   // 'no space left on the device (ENOSPC: no space left on device, write); free some space … then run the same command again: …'
 */
export function environmentErrorMessage(error: unknown): string | null {
  const err = error as { code?: unknown; path?: unknown; message?: unknown } | null;
  if (err === null || typeof err !== 'object' || typeof err.code !== 'string') return null;
  const code = err.code;
  const file = typeof err.path === 'string' ? err.path : null;
  const at = file === null ? '' : `${file}: `;
  const message = firstLine(typeof err.message === 'string' ? err.message : '');
  const what = message.startsWith(code) ? message : `${code}: ${message}`;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return `${at}no space left on the device (${what}); free some space or choose an --out folder on another disk, then run the same command again: ${RESUME}`;
    case 'EROFS':
      return `${at}the file system is read-only (${what}); choose an --out folder on a writable disk`;
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return `${at}permission denied (${what}); give this user access to it, or choose another --out folder`;
    case 'EISDIR':
      return `${at}is a folder where zonesim reads or writes a file (${what}); remove or rename it, or choose another --out folder`;
    case 'ENOTDIR':
      return `${at}a part of this path is a file, not a folder (${what}); choose another --out folder`;
    case 'ENAMETOOLONG':
    case 'ELOOP':
      return `${at}the path cannot be used (${what}); choose a shorter --out folder without symbolic-link loops`;
    case 'EMFILE':
    case 'ENFILE':
      return `${at}too many open files (${what}); close other programs or raise the limit (ulimit -n), then run the same command again: ${RESUME}`;
    case 'EIO':
      return `${at}the disk reported an input/output error (${what}); check the disk, then run the same command again: ${RESUME}`;
    default:
      break;
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return `${at}the run store cannot be written (${what}); make the folder and its files writable or choose another --out folder`;
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return `${at}the run store is damaged (${what}); move it away or delete its folder, then run the command again (its tasks are computed again)`;
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return `${at}the disk failed while the run store was read or written (${what}); check the free space and the disk, then run the same command again: ${RESUME}`;
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return `${at}the run store cannot be opened (${what}); check that the folder exists and is writable, or choose another --out folder`;
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_LOCKED')) {
    return `${at}the run store is locked by another program (${what}); close the program that holds it (an sqlite3 shell, a script), then run the same command again`;
  }
  return null;
}
