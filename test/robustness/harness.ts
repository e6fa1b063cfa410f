/**
 * What every robustness case shares: a small repository with known facts, a
 * byte-for-byte picture of a tree (every file's hash, every link's target,
 * every directory and mode, plus `git status`), and a CLI run that asserts the
 * scanned tree is unchanged.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { runCli, runCliInProcess, type CliRun } from "../helpers/cli.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll, initRepo, writeFiles } from "../helpers/git.js";

/**
 * The base repository's facts, by construction: src/math.ts exports `add`
 * (documented) and `sub` (not), both with return types; src/text.ts exports
 * `shout` (documented). So 3 exported symbols, 2 documented, 2 source files.
 */
export const BASE_FILES: Readonly<Record<string, string>> = {
  "package.json": `${JSON.stringify({ name: "base", version: "1.0.0", type: "module" }, null, 2)}\n`,
  "src/math.ts": [
    "/** Adds two numbers. */",
    // Two statements: a body of one statement on one line is not examined by docs/exported-symbol-doc.
    "export function add(a: number, b: number): number {",
    "  const sum = a + b;",
    "  return sum;",
    "}",
    "",
    "export function sub(a: number, b: number): number {",
    "  const difference = a - b;",
    "  return difference;",
    "}",
    "",
  ].join("\n"),
  "src/text.ts": [
    "/** Upper-cases a word. */",
    // Two statements over four lines: a one-line function is not examined by docs/exported-symbol-doc.
    "export const shout = (word: string): string => {",
    "  const loud = word.toUpperCase();",
    "  return loud;",
    "};",
    "",
  ].join("\n"),
};

/** The docs metrics of the base repository, which every case must still report. */
export const BASE_DOCS = { exportedSymbols: 3, documentedSymbols: 2 };

/** A git repository holding the base files plus `extra`, committed. */
export async function baseRepo(extra: Readonly<Record<string, string | Buffer>> = {}): Promise<string> {
  const dir = await temporaryDir("gw-robust-");
  initRepo(dir);
  await writeFiles(dir, { ...BASE_FILES, ...extra });
  commitAll(dir, "base");
  return dir;
}

/** Every entry under `dir` (its .git included) with its type, mode and content hash or link target. */
export function treePicture(dir: string): Map<string, string> {
  const picture = new Map<string, string>();
  const visit = (relative: string): void => {
    const absolute = join(dir, relative);
    const stat = lstatSync(absolute);
    const mode = (stat.mode & 0o7777).toString(8);
    if (stat.isSymbolicLink()) picture.set(relative, `link ${readlinkSync(absolute)}`);
    else if (stat.isDirectory()) {
      picture.set(relative, `dir ${mode}`);
      for (const name of readdirSync(absolute).sort()) visit(relative === "" ? name : `${relative}/${name}`);
    } else if (!stat.isFile()) {
      // A FIFO or a device is never read: reading one would block or never end.
      picture.set(relative, `special ${mode} ${stat.mode & 0o170000} ${stat.rdev}`);
    } else {
      const hash = createHash("sha1").update(readFileSync(absolute)).digest("hex");
      picture.set(relative, `file ${mode} ${stat.size} ${hash} ${stat.mtimeMs}`);
    }
  };
  visit("");
  return picture;
}

/** `git status --porcelain` without refreshing the index (which would itself write to .git). */
export function gitStatus(dir: string): string {
  // safe.directory: the unreadable-file case hands the repository to another user.
  const args = ["-c", "safe.directory=*", "--no-optional-locks", "status", "--porcelain", "--untracked-files=all"];
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
  });
}

/** What `run` changed under `dir`: paths added, removed or different, sorted. */
export function changesDuring(dir: string, isGit: boolean, run: () => void): string[] {
  const done = startWatching(dir, isGit);
  run();
  return done();
}

/** changesDuring for an asynchronous `run`. */
export async function changesDuringAsync(dir: string, isGit: boolean, run: () => Promise<void>): Promise<string[]> {
  const done = startWatching(dir, isGit);
  await run();
  return done();
}

function startWatching(dir: string, isGit: boolean): () => string[] {
  const before = treePicture(dir);
  const statusBefore = isGit ? gitStatus(dir) : "";
  return () => {
    const after = treePicture(dir);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (path) => before.get(path) !== after.get(path),
    );
    if (isGit) expect(gitStatus(dir)).toBe(statusBefore);
    return changed.sort();
  };
}

/**
 * Runs the CLI on `dir` (with `--no-cache` unless `keepCache`) and asserts that
 * nothing under `dir` changed, .git included.
 */
export function scanUnchanged(
  dir: string,
  args: readonly string[] = [],
  options: {
    env?: Record<string, string>;
    isGit?: boolean;
    cwd?: string;
    command?: string;
    user?: { uid: number; gid: number };
  } = {},
): CliRun {
  let run: CliRun = { status: null, stdout: "", stderr: "" };
  const changed = changesDuring(dir, options.isGit ?? true, () => {
    run = runCli(
      [options.command ?? "scan", dir, "--no-cache", ...args],
      options.cwd ?? dir,
      options.env,
      options.user,
    );
  });
  expect(changed).toEqual([]);
  return run;
}

/** scanUnchanged in this process (runCliInProcess): for the cases whose point is not the process. */
export async function scanUnchangedInProcess(
  dir: string,
  args: readonly string[] = [],
  options: { env?: Record<string, string>; isGit?: boolean; cwd?: string; command?: string } = {},
): Promise<CliRun> {
  let run: CliRun = { status: null, stdout: "", stderr: "" };
  const changed = await changesDuringAsync(dir, options.isGit ?? true, async () => {
    run = await runCliInProcess(
      [options.command ?? "scan", dir, "--no-cache", ...args],
      options.cwd ?? dir,
      options.env,
    );
  });
  expect(changed).toEqual([]);
  return run;
}

/** The JSON result of a successful `--format json` run. */
export function resultOf(run: CliRun): {
  files: { parsed: number; skippedFiles: Array<{ path: string; reason: string; detail?: string }> };
  findings: Array<{ ruleId: string; file: string; line: number; message: string }>;
  warnings: string[];
  categories: Array<{ id: string; score: number | null; reason?: string; metrics: Record<string, unknown> }>;
} {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return JSON.parse(run.stdout);
}

/** One category of a JSON result; throws when it is missing. */
export function categoryIn(
  result: ReturnType<typeof resultOf>,
  id: string,
): { id: string; score: number | null; reason?: string; metrics: Record<string, unknown> } {
  const found = result.categories.find((category) => category.id === id);
  if (!found) throw new Error(`no category ${id} in the result`);
  return found;
}

/** The documentation metrics of a JSON result (every case checks the base's). */
export function docsOf(result: ReturnType<typeof resultOf>): Record<string, unknown> {
  return categoryIn(result, "docs").metrics;
}

/** The lines of stderr that are Groundwork's own messages. */
export function messages(run: CliRun): string[] {
  return run.stderr.split("\n").filter((line) => line.startsWith("groundwork: "));
}

/**
 * Asserts a usage/input/config error: exit 2, exactly one stderr line
 * `groundwork: error: …` containing each of `parts`, no stack trace, no stdout.
 */
export function expectError(run: CliRun, ...parts: string[]): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.split("\n").filter((line) => line !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^groundwork: error: /);
  for (const part of parts) expect(lines[0]).toContain(part);
}
