/**
 * Robustness: inputs that stop a run are exit 2 with one line naming what is
 * wrong, never exit 3 ("internal error … this is a bug"): a `--baseline-ref`
 * git does not know (or that git would read as an option), a TMPDIR that does
 * not exist when past commits are read, a corrupt object in a past commit.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runCliInProcess, type CliRun } from "../helpers/cli.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll, git } from "../helpers/git.js";
import {
  BASE_FILES,
  baseRepo,
  changesDuring,
  changesDuringAsync,
  expectError,
  scanUnchangedInProcess,
} from "./harness.js";

/** The base repository with a second commit (so HEAD~1 exists). */
async function twoCommits(): Promise<string> {
  const repo = await baseRepo();
  await writeFile(join(repo, "src", "math.ts"), `${BASE_FILES["src/math.ts"]}// day 2\n`);
  commitAll(repo, "day 2", "2026-01-02T12:00:00Z");
  return repo;
}

/** Runs `command target …args` (scan or trend; the target is the repository unless given) and asserts that nothing in the repository changed, .git included. */
function runUnchanged(
  repo: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
  target = repo,
): CliRun {
  let run: CliRun = { status: null, stdout: "", stderr: "" };
  const changed = changesDuring(repo, true, () => {
    run = runCli([command, target, ...args], repo, env);
  });
  expect(changed).toEqual([]);
  return run;
}

/** runUnchanged in this process (runCliInProcess). */
async function runUnchangedInProcess(
  repo: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
  target = repo,
): Promise<CliRun> {
  let run: CliRun = { status: null, stdout: "", stderr: "" };
  const changed = await changesDuringAsync(repo, true, async () => {
    run = await runCliInProcess([command, target, ...args], repo, env);
  });
  expect(changed).toEqual([]);
  return run;
}

describe("robustness: --baseline-ref that is no commit", () => {
  it.each(["nosuchref", "--output=x", "HEAD~5"])("%s: exit 2 naming the ref", async (ref) => {
    const repo = await twoCommits();
    const run = await scanUnchangedInProcess(repo, ["-q", `--baseline-ref=${ref}`]);
    expectError(run, `groundwork: error: ${ref}: not a commit of the git repository at ${repo}`);
  });

  it("$(…) in the ref is a name, never run by a shell: exit 2, and the command did not run", async () => {
    const repo = await twoCommits();
    const marker = join(await temporaryDir(), "ran");
    const ref = `$(touch ${marker})`;
    const run = await scanUnchangedInProcess(repo, ["-q", `--baseline-ref=${ref}`]);
    expectError(run, `groundwork: error: ${ref}: not a commit of the git repository at ${repo}`);
    expect(existsSync(marker)).toBe(false);
  });
});

describe("robustness: no temporary folder for past commits", () => {
  it.each([
    ["scan --baseline-ref", "scan", ["--no-cache", "-q", "--baseline-ref", "HEAD~1"]],
    ["trend --backfill", "trend", ["-q", "--backfill", "2"]],
  ])("%s with TMPDIR missing: exit 2 naming the folder", async (_case, command, args) => {
    // A process: TMPDIR is read from the process's environment (os.tmpdir()), not from the one the CLI is given.
    const repo = await twoCommits();
    const missing = join(await temporaryDir(), "no-such-folder");
    const run = runUnchanged(repo, command, args, { TMPDIR: missing });
    expectError(
      run,
      `groundwork: error: cannot make a temporary folder in ${missing} (ENOENT: no such file or directory); set TMPDIR to a writable folder`,
    );
  });
});

describe("robustness: a corrupt object in a past commit", () => {
  /** Two commits, the first one's root tree object overwritten with bytes that do not inflate. */
  async function corruptFirstTree(): Promise<{ repo: string; first: string; tree: string }> {
    const repo = await twoCommits();
    const first = git(repo, ["rev-parse", "HEAD~1"]).trim();
    const tree = git(repo, ["rev-parse", "HEAD~1^{tree}"]).trim();
    const file = join(repo, ".git", "objects", tree.slice(0, 2), tree.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, "not a zlib stream");
    return { repo, first, tree };
  }

  it.each([
    ["scan --baseline-ref HEAD~1", "scan", ["--no-cache", "-q", "--baseline-ref", "HEAD~1"]],
    ["trend --backfill 2", "trend", ["-q", "--backfill", "2"]],
  ])("%s: exit 2 naming the commit and the object", async (_case, command, args) => {
    const { repo, first, tree } = await corruptFirstTree();
    const run = await runUnchangedInProcess(repo, command, args);
    expectError(
      run,
      `groundwork: error: commit ${first.slice(0, 10)}: git cannot read its files (loose object ${tree} (stored in .git/objects/${tree.slice(0, 2)}/${tree.slice(2)}) is corrupt)`,
    );
  });
});

describe("robustness: messages name the real reason", () => {
  it("--coverage a FIFO: says it is a FIFO (it said 'no such file')", async () => {
    const repo = await baseRepo();
    const fifo = join(await temporaryDir(), "lcov.info");
    execFileSync("mkfifo", [fifo]);
    expectError(
      await scanUnchangedInProcess(repo, ["-q", "--coverage", fifo]),
      `--coverage ${fifo}: is a FIFO, not a regular file`,
    );
  });

  it("trend on a file: says it is a file, not a directory (it said 'no such directory')", async () => {
    const repo = await baseRepo();
    const file = join(repo, "package.json");
    expectError(
      await runUnchangedInProcess(repo, "trend", [], {}, file),
      `${file}: is a regular file, not a directory (give the repository's directory)`,
    );
  });
});
