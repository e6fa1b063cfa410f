/**
 * Robustness: the writes Groundwork makes on its own (the fact cache, the
 * history file) on a repository whose content was chosen by someone else. A
 * committed link, a committed config or a planted file never makes a write
 * land outside the repository or replace a file Groundwork did not create: the
 * write is not made, one warning says why, and the scan goes on. The
 * repository and a victim folder outside it are compared byte for byte.
 */
import { symlinkSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliAsync, runCliInProcess, type CliRun } from "../helpers/cli.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll, git } from "../helpers/git.js";
import {
  BASE_DOCS,
  BASE_FILES,
  baseRepo,
  changesDuringAsync,
  docsOf,
  expectError,
  messages,
  resultOf,
  treePicture,
} from "./harness.js";

/** A folder outside the repository holding files someone would miss: a .gitignore and a notes file. */
async function victimFolder(): Promise<string> {
  const dir = await temporaryDir("gw-victim-");
  await writeFile(join(dir, ".gitignore"), "node_modules\n");
  await writeFile(join(dir, "victim.txt"), "the user's notes\n");
  return dir;
}

/** A repository with `links` (path → target) committed beside the base files, then cloned afresh. */
async function clonedWithLinks(links: Readonly<Record<string, string>>, extra: Record<string, string> = {}) {
  const origin = await baseRepo(extra);
  for (const [path, target] of Object.entries(links)) {
    await mkdir(join(origin, path, ".."), { recursive: true });
    symlinkSync(target, join(origin, path));
  }
  commitAll(origin, "links");
  const clone = join(await temporaryDir(), "clone");
  git(origin, ["clone", "--quiet", origin, clone]);
  return clone;
}

/**
 * Runs `args` in `repo` and asserts that neither the repository (.git and
 * `git status` included) nor `victim` changed; returns the run.
 */
async function runUnchanged(
  repo: string,
  victim: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const victimBefore = treePicture(victim);
  let run: CliRun = { status: null, stdout: "", stderr: "" };
  const changed = await changesDuringAsync(repo, true, async () => {
    run = await runCliInProcess(args, repo, env);
  });
  expect(changed).toEqual([]);
  expect(treePicture(victim)).toEqual(victimBefore);
  return run;
}

function expectScanned(run: CliRun, warnings: string[]): void {
  expect(run.status).toBe(0);
  expect(messages(run).filter((line) => !line.startsWith("groundwork: recorded"))).toEqual(
    warnings.map((warning) => `groundwork: warning: ${warning}`),
  );
  expect(docsOf(resultOf(run))).toMatchObject(BASE_DOCS);
}

const NOT_WRITTEN = "the next scan parses every file again";

describe("robustness: the fact cache on a repository with planted links", () => {
  it("a committed .groundwork/cache/.gitignore linking outside: the link's target is not written", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks({ ".groundwork/cache/.gitignore": join(victim, "victim.txt") });
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json"]);
    expectScanned(run, [
      `.groundwork/cache: cache not written (.groundwork/cache/.gitignore is a symbolic link); ${NOT_WRITTEN}`,
    ]);
  });

  it("the same link, relative (../../../victim.txt): not written either", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks({ ".groundwork/cache/.gitignore": "../../../victim.txt" });
    // The clone's parent folder holds the victim the relative link points at.
    const target = join(repo, "..", "victim.txt");
    await writeFile(target, "the user's notes\n");
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json"]);
    expectScanned(run, [
      `.groundwork/cache: cache not written (.groundwork/cache/.gitignore is a symbolic link); ${NOT_WRITTEN}`,
    ]);
    expect(await readFile(target, "utf8")).toBe("the user's notes\n");
  });

  it("a committed .groundwork/cache/facts.bin linking outside: neither read nor replaced", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks({ ".groundwork/cache/facts.bin": join(victim, "victim.txt") });
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json"]);
    expectScanned(run, [`.groundwork/cache: cache not written (facts.bin there is a symbolic link); ${NOT_WRITTEN}`]);
  });

  it.each([".groundwork", ".groundwork/cache"])(
    "%s a link to a folder outside: nothing is written there, its .gitignore is kept",
    async (link) => {
      const victim = await victimFolder();
      const repo = await clonedWithLinks({ [link]: victim });
      const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json"]);
      expectScanned(run, [`.groundwork/cache: cache not written (${link} is a symbolic link); ${NOT_WRITTEN}`]);
    },
  );

  it(".groundwork/cache a link to ..: the repository's own .gitignore is not replaced, the next scan lists as many files", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks(
      { ".groundwork/cache": ".." },
      { ".gitignore": "dist\n", "notes.md": "# Notes\n" },
    );
    const first = await runUnchanged(repo, victim, ["scan", ".", "--format", "json"]);
    expectScanned(first, [
      `.groundwork/cache: cache not written (.groundwork/cache is a symbolic link); ${NOT_WRITTEN}`,
    ]);
    const second = await runUnchanged(repo, victim, ["scan", ".", "--format", "json"]);
    expect(JSON.parse(second.stdout).files.total).toBe(JSON.parse(first.stdout).files.total);
  });

  it("a committed config's cache.dir outside the repository (absolute) is refused", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks({}, { "groundwork.config.json": JSON.stringify({ cache: { dir: victim } }) });
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json"]);
    expectScanned(run, [
      `${victim}: cache not written (${join(victim, "facts.bin")} is outside the repository); ${NOT_WRITTEN}`,
    ]);
  });

  it("a config's cache.dir that is a folder of the repository's own files is refused (a .gitignore of * would hide them)", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks({}, { "groundwork.config.json": JSON.stringify({ cache: { dir: "src" } }) });
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json"]);
    expectScanned(run, [
      `src: cache not written (math.ts there is not the cache's: give an empty or new folder); ${NOT_WRITTEN}`,
    ]);
  });

  it("--cache-dir the repository's root: its .gitignore is not replaced", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks({}, { ".gitignore": "dist\n" });
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json", "--cache-dir", "."]);
    expectScanned(run, [`.: cache not written (.gitignore was not written by Groundwork); ${NOT_WRITTEN}`]);
  });

  it('--cache-dir "" is a usage error, and nothing is written in the working directory', async () => {
    const victim = await victimFolder();
    const repo = await baseRepo();
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json", "--cache-dir", ""]);
    expectError(run, "--cache-dir: the path is empty; give a folder");
  });

  it("neighbours: a config's cache.dir inside the repository, and --cache-dir through the user's own link, are written", async () => {
    const repo = await clonedWithLinks(
      {},
      { "groundwork.config.json": JSON.stringify({ cache: { dir: "tmp/facts" } }) },
    );
    const first = await runCliInProcess(["scan", ".", "--format", "json"], repo);
    expectScanned(first, []);
    expect((await runCliInProcess(["scan", "."], repo)).stdout.replace(/\s+/g, " ")).toContain(
      "(2 unchanged, from the cache)",
    );
    const elsewhere = await temporaryDir("gw-cache-");
    const link = join(await temporaryDir(), "cache-link");
    symlinkSync(elsewhere, link);
    expectScanned(await runCliInProcess(["scan", ".", "--format", "json", "--cache-dir", link], repo), []);
    expect([...treePicture(elsewhere).keys()]).toEqual(["", ".gitignore", "facts.bin"]);
  });
});

describe("robustness: the history file on a repository with planted links", () => {
  it(".groundwork/history.jsonl a link to a file outside: scan --record does not append to it", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks({ ".groundwork/history.jsonl": join(victim, "victim.txt") });
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json", "--no-cache", "--record"]);
    expectScanned(run, [".groundwork/history.jsonl: scan not recorded (.groundwork/history.jsonl is a symbolic link)"]);
  });

  it("a committed config's trend.historyFile ../x: scan --record writes nothing outside", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks(
      {},
      {
        "groundwork.config.json": JSON.stringify({ trend: { historyFile: "../history.jsonl" } }),
      },
    );
    const outside = join(repo, "..", "history.jsonl");
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json", "--no-cache", "--record"]);
    expectScanned(run, [`${outside}: scan not recorded (${outside} is outside the repository)`]);
    expect(treePicture(join(repo, "..")).has("history.jsonl")).toBe(false);
  });

  it("a committed config's trend.historyFile naming a tracked file (package.json): it is not appended to", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks(
      {},
      {
        "groundwork.config.json": JSON.stringify({ trend: { historyFile: "package.json" } }),
      },
    );
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json", "--no-cache", "--record"]);
    expectScanned(run, ["package.json: scan not recorded (package.json was not written by Groundwork)"]);
  });

  it("a committed .groundwork/history.jsonl.lock is never taken for a stale lock and removed", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks({}, { ".groundwork/history.jsonl.lock": "a file of the repository's\n" });
    const run = await runUnchanged(repo, victim, ["scan", ".", "--format", "json", "--no-cache", "--record"]);
    expectScanned(run, [
      ".groundwork/history.jsonl: scan not recorded (history.jsonl.lock there was not written by Groundwork)",
    ]);
  });

  it("trend --backfill --record through the same link: not recorded, the trend still shown", async () => {
    const victim = await victimFolder();
    const repo = await clonedWithLinks({ ".groundwork/history.jsonl": join(victim, "victim.txt") });
    const run = await runUnchanged(repo, victim, [
      "trend",
      ".",
      "--backfill",
      "1",
      "--record",
      "--format",
      "json",
      "-q",
    ]);
    expect(run.status).toBe(0);
    // (Whether the link is read at all is the reading side's rule: only the write is asserted here.)
    expect(messages(run).filter((line) => !line.includes("line skipped"))).toEqual([
      "groundwork: warning: .groundwork/history.jsonl: points not recorded (.groundwork/history.jsonl is a symbolic link)",
    ]);
    expect(JSON.parse(run.stdout).points).toHaveLength(1);
  });

  it("neighbour: --history-file outside the repository is the user's, and is written", async () => {
    const repo = await baseRepo();
    const history = join(await temporaryDir(), "kept", "history.jsonl");
    const run = await runCliInProcess(
      ["scan", ".", "--format", "json", "--no-cache", "--record", "--history-file", history],
      repo,
    );
    expectScanned(run, []);
    expect((await readFile(history, "utf8")).trim().split("\n")).toHaveLength(1);
  });
});

describe("robustness: concurrent writers of the history file", () => {
  // Two processes: the lock is between processes (each its own pid), which two runs in this one would not test.
  it("two trend --record at once record each point once (they wrote every point twice)", async () => {
    const repo = await baseRepo();
    await writeFile(join(repo, "src", "math.ts"), `${BASE_FILES["src/math.ts"]}// day 2\n`);
    commitAll(repo, "day 2", "2026-01-02T12:00:00Z");
    const history = join(await temporaryDir(), "history.jsonl");
    const args = ["trend", repo, "--backfill", "2", "--record", "--history-file", history, "-q", "-f", "json"];
    const runs = await Promise.all([runCliAsync(args, repo), runCliAsync(args, repo)]);
    expect(runs.map((run) => run.status)).toEqual([0, 0]);
    const recorded = runs.flatMap((run) => messages(run)).sort();
    expect(recorded).toEqual([
      `groundwork: recorded 0 new points in ${history}`,
      `groundwork: recorded 2 new points in ${history}`,
    ]);
    const lines = (await readFile(history, "utf8")).trim().split("\n");
    expect(new Set(lines.map((line) => (JSON.parse(line) as { commit: string }).commit)).size).toBe(2);
    expect(lines).toHaveLength(2);
    // The lock file is gone.
    expect([...treePicture(join(history, "..")).keys()]).toEqual(["", "history.jsonl"]);
  });
});
