/**
 * Node side of every file zonesim reads as input (scenario YAML, relatedness CSV, experiment YAML,
 * design CSV): check that it is a regular file no larger than its documented limit before reading
 * it, read at most that many bytes, and decode it as strict UTF-8.
 *
 * Why: a path can name a folder, a device such as /dev/zero (endless), a named pipe (blocks until a
 * writer comes) or a huge file; reading any of them used to take gigabytes or hang (issue 11, D8).
 * Each now gives one line naming the file and what it is.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { ScenarioError } from './scenarioError.ts';

const MEBIBYTE = 1024 * 1024;

/**
 * Largest size, in bytes, of each kind of input file (documented in the README). Generous: the
 * bundled files are a few kB; a 200×200 relatedness matrix written with 17 digits is about 0.8 MB; a
 * design CSV of a million points of ten factors is about 200 MB.
 */
export const INPUT_FILE_LIMITS = {
  /** A scenario file: 1 MiB. */
  scenarioYaml: MEBIBYTE,
  /** A relatedness matrix: 16 MiB. */
  relatednessCsv: 16 * MEBIBYTE,
  /** A zone data file: 16 MiB. */
  zoneCsv: 16 * MEBIBYTE,
  /** An experiment file: 1 MiB. */
  experimentYaml: MEBIBYTE,
  /** A design matrix: 256 MiB. */
  designCsv: 256 * MEBIBYTE,
} as const;

/**
 * A byte count for messages, in binary units with at most one decimal: `101 bytes`, `16 MiB`,
 * `1.3 GiB`.
 *
 * @example formatByteSize(16 * 1024 * 1024) // '16 MiB'
 */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = value >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${units[unit]}`;
}

/** What a non-regular file is, for the `found` part of a message. */
function describeFileKind(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

/** Describe why a file could not be opened, for the `found` part of a message. */
function describeOpenFailure(error: unknown, quoted: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `no such file ${quoted}`;
    case 'EISDIR':
      return `a folder ${quoted}`;
    case 'EACCES':
    case 'EPERM':
      return `a file without read permission ${quoted}`;
    case 'ENOTDIR':
      return `a path through something that is not a folder ${quoted}`;
    case 'ELOOP':
      return `a loop of symbolic links ${quoted}`;
    case 'ENAMETOOLONG':
      return 'a path too long for the file system';
    default:
      return `an unreadable file ${quoted} (${typeof code === 'string' ? code : String(error)})`;
  }
}

/**
 * The 0-based offset of the first byte of `bytes` that does not start a valid UTF-8 sequence (RFC
 * 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all of it is UTF-8.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let continuation: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) continuation = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      continuation = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuation = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + continuation >= n) return i;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k <= continuation; k += 1) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += continuation + 1;
  }
  return -1;
}

/** Decode strict UTF-8, or throw a ScenarioError at the line of the first byte that is not UTF-8. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not UTF-8: find where, for the message.
  }
  const offset = Math.max(0, firstInvalidUtf8Offset(bytes));
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  throw new ScenarioError({
    file,
    fieldPath: null,
    expected: 'UTF-8 text',
    found: `the byte 0x${bytes[offset].toString(16).padStart(2, '0')}, which is not UTF-8`,
    hint: 'save the file as UTF-8',
    line,
  });
}

/**
 * Read an input file as UTF-8 text after checking that it is a regular file of at most
 * `maximumBytes` (a symbolic link to one is fine). Never reads more than `maximumBytes + 1` bytes and
 * never blocks on a named pipe (it is refused from its type, and opened non-blocking in any case).
 *
 * @param filePath The path as shown in messages (relative to the working directory or absolute).
 * @param maximumBytes The size limit, e.g. {@link INPUT_FILE_LIMITS}.scenarioYaml.
 * @param describeProblem Builds the error for a path that cannot be read as such a file, from the
 *   `found` text (e.g. `a folder "x"`, `no such file "x"`, `a file of 5 GiB "x" (the limit is 16 MiB)`);
 *   the caller knows which file and field named the path.
 * @returns The text, byte order mark and line ends unchanged.
 * @throws {ScenarioError} from `describeProblem`, or `<file>: line N: expected UTF-8 text, found the
 *   byte 0xe9, which is not UTF-8 (save the file as UTF-8)`.
 * @example
 * const text = await readInputTextFile('scenarios/baseline.yaml', INPUT_FILE_LIMITS.scenarioYaml,
 *   (found) => new ScenarioError({ file: 'scenarios/baseline.yaml', fieldPath: null, expected: 'a file', found }));
 */
export async function readInputTextFile(
  filePath: string,
  maximumBytes: number,
  describeProblem: (found: string) => ScenarioError,
): Promise<string> {
  const quoted = JSON.stringify(filePath);
  const limit = `(the limit is ${formatByteSize(maximumBytes)})`;
  const checkInfo = (info: Awaited<ReturnType<typeof stat>>): void => {
    if (!info.isFile()) throw describeProblem(`${describeFileKind(info)} ${quoted}`);
    if (info.size > maximumBytes) throw describeProblem(`a file of ${formatByteSize(Number(info.size))} ${quoted} ${limit}`);
  };
  let handle;
  try {
    // stat first: a device or a pipe is refused without being opened.
    checkInfo(await stat(filePath));
    handle = await open(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw describeProblem(describeOpenFailure(error, quoted));
  }
  try {
    checkInfo(await handle.stat());
    // Read to the end, but never more than the limit (a file may grow, or report size 0 like /proc).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, maximumBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maximumBytes) throw describeProblem(`a file of more than ${formatByteSize(maximumBytes)} ${quoted} ${limit}`);
    }
    return decodeUtf8(Buffer.concat(chunks, total), filePath);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw describeProblem(describeOpenFailure(error, quoted));
  } finally {
    await handle.close();
  }
}
