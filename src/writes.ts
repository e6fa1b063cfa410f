/**
 * The writes Groundwork makes on its own (the fact cache, the history file),
 * made safe on a repository nobody vetted. A committed link, a config value or
 * a planted file must never turn such a write into one outside the repository,
 * or into the loss of a file Groundwork did not create:
 * - a target is resolved without following links: each folder from the
 *   repository's root down is checked with lstat (and made when missing), and
 *   files are opened so that a link in their place is never followed;
 * - a target outside the repository is refused, unless its path came from the
 *   command line or the environment (then it is the user's, links and all);
 * - a file is created only where none is, and only a file whose content is
 *   Groundwork's own is ever replaced or appended to.
 * A refusal is a WriteRefused error whose message says why, in a few words.
 *
 * May: create folders and write files as above.
 * May not: decide what to write, or whether a refusal is fatal (callers do).
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { removeOnInterrupt } from "./cleanup.js";
import { typeOf } from "./read.js";

/** Why a write was not made (the message is the reason, e.g. ".groundwork is a symbolic link"). */
export class WriteRefused extends Error {
  constructor(
    message: string,
    /** The system's error code, when the system refused. */
    readonly code?: string,
  ) {
    super(message);
    this.name = "WriteRefused";
  }
}

/** Where a write goes, and who named it. */
export interface WriteTarget {
  /** The file's absolute path. */
  path: string;
  /** The scanned repository's root (absolute). */
  root: string;
  /** True when the path came from the command line or the environment; false from a file in the repository or a default. */
  isUserGiven: boolean;
}

/** What an existing file must hold to be Groundwork's own. */
export type IsOwn = (head: Buffer) => boolean;

const NO_FOLLOW = constants.O_NOFOLLOW;
/** Bytes of an existing file read to tell whether it is Groundwork's. */
const HEAD_BYTES = 64 * 1024;

/** A path as refusals name it: from the root when inside the repository, else absolute. */
function shown(target: WriteTarget, path: string): string {
  return isInside(target.root, path) ? relative(target.root, path) || "." : path;
}

/** True when `path` is `root` or under it, by their text (no link is resolved). */
export function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === "" || (!fromRoot.startsWith(`..${sep}`) && fromRoot !== ".." && !isAbsolute(fromRoot));
}

/**
 * Why nothing may be written at `target.path`, without making anything: the
 * path is outside the repository and not the user's, or a folder on its way
 * from the root is a symbolic link. Null when a write may be tried (folders
 * may still be missing, or fail for another reason).
 */
export function refusalOf(target: WriteTarget): string | null {
  if (!isInside(target.root, target.path))
    return target.isUserGiven ? null : `${target.path} is outside the repository`;
  let current = target.root;
  for (const part of relative(target.root, dirname(target.path))
    .split(sep)
    .filter((name) => name !== "")) {
    current = join(current, part);
    const stats = lstatOrNull(current);
    if (stats === null) return null;
    if (stats.isSymbolicLink()) return `${shown(target, current)} is a symbolic link`;
  }
  return null;
}

/**
 * Makes the folder that will hold `target.path`. Inside the repository, each
 * folder from the root down must be a real folder (not a link, not a file) and
 * is made when missing; outside it, the path must be the user's, and is made as
 * the user named it.
 */
export function makeFolderFor(target: WriteTarget): void {
  const folder = dirname(target.path);
  if (!isInside(target.root, folder)) {
    if (!target.isUserGiven) throw new WriteRefused(`${target.path} is outside the repository`);
    mkdirOrRefuse(folder, true);
    return;
  }
  let current = target.root;
  for (const part of relative(target.root, folder)
    .split(sep)
    .filter((name) => name !== "")) {
    current = join(current, part);
    let stats = lstatOrNull(current);
    if (stats === null) {
      mkdirOrRefuse(current, false);
      stats = lstatOrNull(current);
    }
    if (stats?.isSymbolicLink()) throw new WriteRefused(`${shown(target, current)} is a symbolic link`);
    // As mkdir would say it (a file where a folder should be is the user's typo more often than an attack).
    if (!stats?.isDirectory()) throw new WriteRefused("ENOTDIR", "ENOTDIR");
  }
}

/**
 * Creates `target.path` holding `content` when nothing is there (a link in its
 * place is not followed). An existing file is left as it is: accepted when
 * `isOwn` says it is Groundwork's, refused otherwise.
 */
export function createUnlessPresent(target: WriteTarget, content: string | Buffer, isOwn: IsOwn): void {
  makeFolderFor(target);
  let fd: number;
  try {
    // O_EXCL with O_CREAT fails on any existing entry, a link included, and never follows one.
    fd = openSync(target.path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o644);
  } catch (error) {
    if (codeOf(error) !== "EEXIST") throw refusedBySystem(error);
    assertOwn(target, isOwn);
    return;
  }
  writeAllAndClose(fd, content, target.path);
}

/**
 * Writes `content` to `target.path` atomically (a new temporary file beside it,
 * then a rename), replacing a file only when `isOwn` says it is Groundwork's.
 */
export function replaceOwn(target: WriteTarget, content: Buffer, isOwn: IsOwn): void {
  makeFolderFor(target);
  if (lstatOrNull(target.path) !== null) assertOwn(target, isOwn);
  const temporary = join(
    dirname(target.path),
    `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const unregister = removeOnInterrupt(temporary);
  try {
    const fd = openOrRefuse(target, temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW);
    writeAllAndClose(fd, content, temporary);
    renameSync(temporary, target.path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error instanceof WriteRefused ? error : refusedBySystem(error);
  } finally {
    unregister();
  }
}

/**
 * Why appending to `target.path` would be refused, without making or opening
 * anything for writing: see `openForAppend`. Null when it may be tried.
 */
export function appendRefusal(target: WriteTarget, isOwn: IsOwn): string | null {
  const refusal = refusalOf(target);
  if (refusal !== null) return refusal;
  const followsLinks = followsLinksAt(target);
  const existing = followsLinks ? statOrNull(target.path) : lstatOrNull(target.path);
  if (existing === null) return null;
  if (!existing.isFile()) return notRegular(shown(target, target.path), existing);
  if (existing.size > 0 && !isOwn(readHead(target, followsLinks)))
    return `${shown(target, target.path)} was not written by Groundwork`;
  return null;
}

/**
 * Opens `target.path` for appending, creating it (and its folders) when
 * missing. The file must be a regular file (a link is not followed, unless the
 * user named a path outside the repository) and, when it holds anything,
 * Groundwork's own. Returns the descriptor (open for reading too, so that the caller may look at the
 * last byte); the caller closes it.
 */
export function openForAppend(target: WriteTarget, isOwn: IsOwn): number {
  const refusal = appendRefusal(target, isOwn);
  if (refusal !== null) throw new WriteRefused(refusal);
  makeFolderFor(target);
  const followsLinks = followsLinksAt(target);
  // O_NONBLOCK: a FIFO put in its place since the check fails at once (ENXIO) instead of waiting for a reader.
  const flags = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK;
  const fd = openOrRefuse(target, target.path, followsLinks ? flags : flags | NO_FOLLOW);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new WriteRefused(notRegular(shown(target, target.path), stats));
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** A path the user named outside the repository is theirs, links and all. */
function followsLinksAt(target: WriteTarget): boolean {
  return target.isUserGiven && !isInside(target.root, target.path);
}

/** Writes every byte of `content` at the descriptor's position; a short write is retried, a failed one thrown. */
export function writeAll(fd: number, content: string | Buffer): void {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

function writeAllAndClose(fd: number, content: string | Buffer, path: string): void {
  try {
    writeAll(fd, content);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw refusedBySystem(error);
  }
  closeSync(fd);
}

function assertOwn(target: WriteTarget, isOwn: IsOwn): void {
  const stats = lstatOrNull(target.path);
  const name = shown(target, target.path);
  if (stats === null) throw new WriteRefused(`${name} vanished while it was written`);
  if (!stats.isFile()) throw new WriteRefused(notRegular(name, stats));
  if (stats.size > 0 && !isOwn(readHead(target, false)))
    throw new WriteRefused(`${name} was not written by Groundwork`);
}

function readHead(target: WriteTarget, followsLinks: boolean): Buffer {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (followsLinks ? 0 : NO_FOLLOW);
  const fd = openOrRefuse(target, target.path, flags);
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, head, 0, HEAD_BYTES, 0);
    return head.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function openOrRefuse(target: WriteTarget, path: string, flags: number): number {
  try {
    return openSync(path, flags, 0o644);
  } catch (error) {
    // O_NOFOLLOW on a link: ELOOP; O_NONBLOCK on a FIFO without a reader: ENXIO.
    const code = codeOf(error);
    if (code === "ELOOP") throw new WriteRefused(`${shown(target, path)} is a symbolic link`);
    if (code === "ENXIO") throw new WriteRefused(`${shown(target, path)} is a FIFO, not a regular file`);
    throw refusedBySystem(error);
  }
}

function mkdirOrRefuse(folder: string, isRecursive: boolean): void {
  try {
    mkdirSync(folder, { recursive: isRecursive });
  } catch (error) {
    if (codeOf(error) !== "EEXIST") throw refusedBySystem(error);
  }
}

/** Why an entry that is not a regular file cannot be written to. */
function notRegular(name: string, stats: Stats): string {
  return stats.isSymbolicLink() ? `${name} is a symbolic link` : `${name} is ${kindOf(stats)}, not a regular file`;
}

/** What a directory entry is, for messages ("a regular file", "a FIFO", …), in the words reads use. */
export function kindOf(stats: Stats | null): string {
  if (stats === null) return "missing";
  return stats.isFile() ? "a regular file" : typeOf(stats);
}

function refusedBySystem(error: unknown): WriteRefused {
  return new WriteRefused(reasonOf(error), codeOf(error));
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The system's error code of `error` (ENOENT, ENOSPC…), or its name and first line when it has none. */
export function codeOf(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  if (error instanceof Error) return `${error.name}: ${error.message.split("\n")[0] ?? ""}`;
  return String(error);
}

/**
 * An error's reason as messages give it: a system error's code and meaning
 * ("ENOSPC: no space left on device"), Node's own errors with their code, a
 * string or buffer too large for memory said so, anything else by its name and
 * first line: never a bare "error".
 */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.split("\n")[0] ?? "";
  const code = "code" in error && typeof error.code === "string" ? error.code : null;
  // Node's system errors read "ENOSPC: no space left on device, write": the code and its meaning are kept.
  if (code !== null && message.startsWith(`${code}: `))
    return `${code}: ${message.slice(code.length + 2).split(",")[0] ?? ""}`;
  if (code !== null) return code.startsWith("ERR_") && message !== "" ? `${message} (${code})` : code;
  if (error instanceof RangeError && /string length|array buffer|allocat/i.test(message))
    return `too large to hold in memory (RangeError: ${message})`;
  return `${error.name}: ${message}`;
}
