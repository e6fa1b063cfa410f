/**
 * Robustness: files Groundwork reads back (coverage reports, the history file,
 * the fact cache) when they are corrupt, cut short or from another version.
 * Each is a warning naming the file, never fatal, never rewritten, and the rest
 * of the scan is measured as if the file were absent.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { runCliInProcess, type CliRun } from "../helpers/cli.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { writeFiles } from "../helpers/git.js";
import {
  BASE_DOCS,
  baseRepo,
  categoryIn,
  changesDuringAsync,
  docsOf,
  messages,
  resultOf,
  scanUnchangedInProcess,
} from "./harness.js";

describe("robustness: corrupt coverage reports", () => {
  it.each([
    ["coverage/lcov.info", "this is not lcov\n", "no SF…end_of_record records"],
    ["coverage/lcov.info", "TN:\nSF:src/math.ts\nDA:1,1\nDA:2,", "line 4: malformed DA record"],
    ["coverage/coverage-final.json", '{"src/math.ts": {"s": {', "invalid JSON"],
  ])("%s (%j) is a warning; tests are mapped from imports instead", async (path, content, why) => {
    const repo = await baseRepo({ [path]: content });
    const run = await scanUnchangedInProcess(repo, ["--format", "json"]);
    expect(run.status).toBe(0);
    const warning = `${path}: coverage report unreadable (${why}); tests mapped from imports instead`;
    expect(messages(run)).toEqual([`groundwork: warning: ${warning}`]);
    const result = resultOf(run);
    expect(categoryIn(result, "tests").metrics).toMatchObject({ mode: "mapped", lineCoverage: null });
    expect(docsOf(result)).toMatchObject(BASE_DOCS);
  });
});

describe("robustness: a corrupt history file", () => {
  it("skips the bad lines with their numbers, never rewrites them, and appends after them", async () => {
    const repo = await baseRepo();
    const history = join(await temporaryDir(), "history.jsonl");
    // The explicit write: one good entry.
    expect(
      (await runCliInProcess(["scan", repo, "--no-cache", "--record", "--history-file", history], repo)).status,
    ).toBe(0);
    await appendFile(history, '{"commit": "abc", "score": \n["not", "an", "entry"]\n{"cut short');
    const corrupt = await readFile(history);

    const trend = await runCliInProcess(["trend", repo, "--history-file", history, "--format", "json"], repo);
    expect(trend.status).toBe(0);
    expect(messages(trend)).toEqual([
      `groundwork: warning: ${history}:2: not valid JSON; line skipped`,
      expect.stringMatching(new RegExp(`^groundwork: warning: ${history}:3: not a history entry \\(`)),
      `groundwork: warning: ${history}:4: not valid JSON; line skipped`,
    ]);
    expect((JSON.parse(trend.stdout) as { points: unknown[] }).points).toHaveLength(1);
    expect(await readFile(history)).toEqual(corrupt);

    const changed = await changesDuringAsync(repo, true, async () => {
      expect(
        (await runCliInProcess(["scan", repo, "--no-cache", "--record", "--history-file", history], repo)).status,
      ).toBe(0);
    });
    expect(changed).toEqual([]);
    const after = await readFile(history);
    // The corrupt bytes are kept as they were; the cut line gets its newline, then the new entry.
    expect(after.subarray(0, corrupt.length)).toEqual(corrupt);
    const added = after.subarray(corrupt.length).toString("utf8");
    expect(added.startsWith("\n{")).toBe(true);
    expect(added.endsWith("}\n")).toBe(true);
    expect(added.trim().split("\n")).toHaveLength(1);
  });
});

describe("robustness: the fact cache", () => {
  async function scanWithCache(repo: string, cacheDir: string): Promise<CliRun> {
    let run: CliRun | undefined;
    const changed = await changesDuringAsync(repo, true, async () => {
      run = await runCliInProcess(["scan", repo, "--cache-dir", cacheDir, "--format", "json"], repo);
    });
    expect(changed).toEqual([]);
    if (!run) throw new Error("the scan did not run");
    return run;
  }

  it("a corrupt or cut-short cache is one warning, ignored and rebuilt; the next scan uses the rebuilt one", async () => {
    const repo = await baseRepo();
    const cacheDir = join(await temporaryDir(), "cache");
    const first = await scanWithCache(repo, cacheDir);
    expect(messages(first)).toEqual([]);
    const file = join(cacheDir, "facts.bin");
    const bytes = await readFile(file);
    for (const damaged of [
      Buffer.concat([bytes.subarray(0, 60), Buffer.from("garbage"), bytes.subarray(67)]),
      bytes.subarray(0, Math.floor(bytes.length / 2)),
    ]) {
      await writeFile(file, damaged);
      const run = await scanWithCache(repo, cacheDir);
      expect(run.status).toBe(0);
      expect(messages(run)).toEqual([
        `groundwork: warning: ${cacheDir}/facts.bin: cache is corrupt; ignored and rebuilt`,
      ]);
      expect(docsOf(resultOf(run))).toMatchObject(BASE_DOCS);
      const next = await runCliInProcess(["scan", repo, "--cache-dir", cacheDir], repo);
      expect(next.stderr).toBe("");
      expect(next.stdout.replace(/\s+/g, " ")).toContain("(2 unchanged, from the cache)");
    }
  });

  it("a cache written by another version is not trusted, even when it is well formed, and is rebuilt silently", async () => {
    const repo = await baseRepo();
    const cacheDir = join(await temporaryDir(), "cache");
    // A well-formed cache of another build, which claims src/math.ts is binary.
    const blob = execFileSync("git", ["hash-object", "src/math.ts"], { cwd: repo, encoding: "utf8" }).trim();
    const poisoned = [[`${blob}\0source\0src/math.ts`, { kind: "skip", reason: "binary", detail: "NUL byte" }]];
    const head = serialize({ build: "groundwork 0.0.1 some-other-build", facts: [] });
    const length = Buffer.alloc(4);
    length.writeUInt32BE(head.length);
    const body = Buffer.concat([length, head, Buffer.from(JSON.stringify(poisoned))]);
    const magic = Buffer.from("groundwork-facts 2\n");
    await writeFiles(cacheDir, {
      "facts.bin": Buffer.concat([magic, createHash("sha1").update(body).digest(), body]),
    });
    const run = await scanWithCache(repo, cacheDir);
    expect(messages(run)).toEqual([]);
    const result = resultOf(run);
    expect(result.files.skippedFiles).toEqual([]);
    expect(docsOf(result)).toMatchObject(BASE_DOCS);
    // The file of the other build was replaced by this build's.
    expect(readFileSync(join(cacheDir, "facts.bin")).includes("some-other-build")).toBe(false);
  });

  it("a cache in an older file format is rebuilt without a warning", async () => {
    const repo = await baseRepo();
    const cacheDir = join(await temporaryDir(), "cache");
    await writeFiles(cacheDir, { "facts.bin": Buffer.from("groundwork-facts 1\nwhatever the old format held") });
    const run = await scanWithCache(repo, cacheDir);
    expect(run.status).toBe(0);
    expect(messages(run)).toEqual([]);
    expect(docsOf(resultOf(run))).toMatchObject(BASE_DOCS);
  });

  it("by default the only write is .groundwork/cache, which git ignores by itself", async () => {
    const repo = await baseRepo();
    const changed = await changesDuringAsync(repo, true, async () => {
      expect((await runCliInProcess(["scan", repo], repo)).status).toBe(0);
    });
    expect(changed).toEqual([
      ".groundwork",
      ".groundwork/cache",
      ".groundwork/cache/.gitignore",
      ".groundwork/cache/facts.bin",
    ]);
  });
});
