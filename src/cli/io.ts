import { randomBytes } from "node:crypto";
import { lstat, open, rename, rm, stat, writeFile, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { removeOnInterrupt } from "../cleanup.js";
import { InputError, UsageError } from "../errors.js";
import { codeOf, reasonOf } from "../writes.js";

export { reasonOf };

/** A stream the CLI writes to (a Node stream, whose write also takes a callback, or a test's capture). */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

/** Everything the CLI touches outside itself, passed in so tests can capture it. */
export interface CliIO {
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The width text reports fit: the terminal's columns, else `COLUMNS` (a pipe, a
 * file, CI), else 80; never under 80 nor over 160.
 */
export function outputWidth(io: Pick<CliIO, "stdout" | "env">): number {
  const fromEnv = Number.parseInt(io.env.COLUMNS ?? "", 10);
  const columns = io.stdout.isTTY === true && io.stdout.columns ? io.stdout.columns : fromEnv > 0 ? fromEnv : 80;
  return Math.max(80, Math.min(columns, 160));
}

/**
 * Writes the file the user named (`-o`, AGENTS.md). A new path or a regular
 * file is written atomically (a temporary file in the same folder, then a
 * rename), so no partial file is ever left. Anything else is written into,
 * never put in its place: a device (`-o /dev/null`), a FIFO, or a symbolic link
 * (`-o /dev/stderr`, a link to a file: what it leads to is written, the link
 * stays). A failed or short write is an InputError naming `label` (the path as
 * the user gave it) and the reason.
 */
export async function writeFileAtomic(path: string, content: string, label = path): Promise<void> {
  const existing = await lstat(path).catch(() => null);
  if (existing?.isDirectory()) throw new InputError(`cannot write ${label}: it is a directory`);
  if (existing !== null && !existing.isFile()) {
    await writeInto(path, content, label);
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  // Ctrl-C between the write and the rename must not leave the temporary file behind.
  const unregister = removeOnInterrupt(temporary);
  try {
    await writeFile(temporary, content, { encoding: "utf8", flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = codeOf(error);
    const reason =
      code === "ENOENT" ? "its directory does not exist" : code === "EISDIR" ? "it is a directory" : reasonOf(error);
    throw new InputError(`cannot write ${label}: ${reason}`);
  } finally {
    unregister();
  }
}

/**
 * Writes `content` into what `path` is or leads to (opened as a shell's `>`
 * would), every byte of it. Asynchronous: opening a FIFO waits for its reader
 * off the main thread, so Ctrl-C still works meanwhile.
 */
async function writeInto(path: string, content: string, label: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, "w");
  } catch (error) {
    throw new InputError(`cannot write ${label}: ${reasonOf(error)}`);
  }
  try {
    await handle.writeFile(content, "utf8");
  } catch (error) {
    throw new InputError(`cannot write ${label}: ${reasonOf(error)}`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Thrown when the reader of stdout went away (`scan | head -c 0`): the run ends quietly. */
export class ClosedPipe extends Error {
  constructor() {
    super("stdout was closed by its reader");
    this.name = "ClosedPipe";
  }
}

/**
 * Writes `text` to a stream and waits until it is handed to the system. A
 * failed write (a full disk behind stdout) is an InputError naming `label`; a
 * closed pipe is a ClosedPipe. A stream that is no Node stream (a test's
 * capture) is written to and done.
 */
export function writeToStream(stream: Output, text: string, label = "stdout"): Promise<void> {
  if (!isEmitter(stream)) {
    stream.write(text);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    let isSettled = false;
    const settle = (error?: Error | null): void => {
      if (isSettled) return;
      isSettled = true;
      stream.off("error", settle);
      if (!error) resolve();
      else
        reject(isClosedPipe(error) ? new ClosedPipe() : new InputError(`cannot write to ${label}: ${reasonOf(error)}`));
    };
    stream.on("error", settle);
    try {
      stream.write(text, settle);
    } catch (error) {
      settle(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** True for the error of a write into a pipe whose reader is gone. */
export function isClosedPipe(error: unknown): boolean {
  return error instanceof ClosedPipe || codeOf(error) === "EPIPE" || codeOf(error) === "ERR_STREAM_DESTROYED";
}

interface Emitter {
  write(text: string, callback: (error?: Error | null) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  off(event: "error", listener: (error: Error) => void): unknown;
}

function isEmitter(stream: Output): stream is Output & Emitter {
  return "on" in stream && typeof stream.on === "function" && "off" in stream && typeof stream.off === "function";
}

/**
 * Keeps a Node stream's errors from crashing the process (Node throws an
 * unhandled 'error' event: a 26-line stack trace for `scan | true`); returns
 * the first one seen, when asked.
 */
export function watchErrors(stream: Output): () => Error | null {
  let first: Error | null = null;
  if (isEmitter(stream)) stream.on("error", (error) => (first ??= error));
  return () => first;
}

/** Whether to colour output written to `stream`, honouring NO_COLOR and FORCE_COLOR. */
export function wantsColor(stream: Output, env: CliIO["env"], isDisabled: boolean): boolean {
  if (isDisabled || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

/**
 * Checks, before a long scan, that `-o` can be written: a path given (not
 * empty), not a directory, in an existing directory. Throws an error naming `label`.
 */
export async function assertWritableOutput(path: string, label: string, option = "--output"): Promise<void> {
  if (label === "") throw new UsageError(`${option}: the path is empty; give a file`);
  if ((await lstat(path).catch(() => null))?.isDirectory())
    throw new InputError(`cannot write ${label}: it is a directory`);
  await assertDirectoryExists(dirname(path), label);
}

/** Throws an InputError naming `label` unless `dir` is an existing directory. */
export async function assertDirectoryExists(dir: string, label: string): Promise<void> {
  const isDirectory = await stat(dir).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw new InputError(`cannot write ${label}: its directory does not exist`);
}

/** A path as messages show it: relative to `cwd` when inside it, otherwise absolute. */
export function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd === "" || fromCwd.startsWith("..") ? path : fromCwd;
}
