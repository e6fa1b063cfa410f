import { randomBytes } from "node:crypto";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { removeOnInterrupt } from "../cleanup.js";
import { InputError } from "../errors.js";

/** A stream the CLI writes to. */
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
 * Writes a file atomically (temp file in the same directory, then rename), so no
 * partial file is ever left; a device or pipe is written to directly. `label`
 * names the file in errors (as the user gave it).
 */
export async function writeFileAtomic(path: string, content: string, label = path): Promise<void> {
  // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written to, never replaced by a file.
  const existing = await stat(path).catch(() => null);
  if (existing !== null && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(path, content, "utf8").catch((error: unknown) => {
      throw new InputError(
        `cannot write ${label}: ${error instanceof Error && "code" in error ? String(error.code) : "error"}`,
      );
    });
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  // Ctrl-C between the write and the rename must not leave the temporary file behind.
  const unregister = removeOnInterrupt(temporary);
  try {
    await writeFile(temporary, content, "utf8");
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = error instanceof Error && "code" in error ? String(error.code) : "error";
    const reason = code === "ENOENT" ? "its directory does not exist" : code === "EISDIR" ? "it is a directory" : code;
    throw new InputError(`cannot write ${label}: ${reason}`);
  } finally {
    unregister();
  }
}

/** Whether to colour output written to `stream`, honouring NO_COLOR and FORCE_COLOR. */
export function wantsColor(stream: Output, env: CliIO["env"], isDisabled: boolean): boolean {
  if (isDisabled || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
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
