import { existsSync } from "node:fs";
import { readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/contract/result.js";
import { runCliInProcess, type CliRun } from "../helpers/cli.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll, git, initRepo, writeFiles } from "../helpers/git.js";

// Three sources and a test, committed: by construction 4 parsed files, a.ts has
// 2 exports of which 1 is documented, b.ts has 1 undocumented export.
const FILES = {
  "package.json": JSON.stringify({ name: "cached", scripts: { test: "vitest run" } }),
  "src/a.ts":
    "/** Adds. */\nexport function add(x: number, y: number): number {\n  const sum = x + y;\n  return sum;\n}\n\nexport const zero = 0;\n",
  "src/b.ts":
    'import { add } from "./a";\n\nexport function twice(x: number): number {\n  const doubled = add(x, x);\n  return doubled;\n}\n',
  "src/c.ts": 'import { twice } from "./b";\n\nconsole.log(twice(2));\n',
  "test/b.test.ts": 'import { twice } from "../src/b";\n\nif (twice(1) !== 2) throw new Error("twice");\n',
};
const CACHE_FILE = join(".groundwork", "cache", "facts.bin");

async function repository(): Promise<string> {
  const dir = await temporaryDir("gw-cache-");
  await writeFiles(dir, FILES);
  initRepo(dir);
  commitAll(dir, "initial");
  return dir;
}

async function scanJson(dir: string, ...flags: string[]): Promise<{ run: CliRun; result: ScanResult }> {
  const run = await runCliInProcess(["scan", ".", "--format", "json", ...flags], dir);
  expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  expect(run.status).toBe(0);
  return { run, result: JSON.parse(run.stdout) as ScanResult };
}

/** The result without the count of cached files, which is the one thing a cache may change. */
function comparable(result: ScanResult): unknown {
  const { cached: _cached, ...files } = result.files;
  return { ...result, files };
}

function docsMetrics(result: ScanResult): unknown {
  return result.categories.find((category) => category.id === "docs")?.metrics;
}

describe("the fact cache (.groundwork/cache)", () => {
  it("a second scan of an unchanged tree takes every file from the cache and gives the same result", async () => {
    const dir = await repository();
    const cold = (await scanJson(dir)).result;
    expect(cold.files.parsed).toBe(4);
    expect(cold.files.cached).toBeUndefined();
    expect(existsSync(join(dir, CACHE_FILE))).toBe(true);
    const warm = (await scanJson(dir)).result;
    expect(warm.files.cached).toBe(4);
    expect(comparable(warm)).toEqual(comparable(cold));
    // The cache ignores itself: the repository's status is what it was.
    expect(git(dir, ["status", "--porcelain", "--untracked-files=all"])).toBe("");
  });

  it("the text report says how many files came from the cache", async () => {
    const dir = await repository();
    // The Files: line wraps at the report's width, its continuation indented by two spaces.
    const unwrapped = (text: string) => text.replace(/\n {2}/g, " ");
    expect(unwrapped((await runCliInProcess(["scan", "."], dir)).stdout)).toContain("; 4 parsed; none skipped.");
    expect(unwrapped((await runCliInProcess(["scan", "."], dir)).stdout)).toContain(
      "; 4 parsed (4 unchanged, from the cache); none skipped.",
    );
  });

  it("an edited file is parsed again, and only that one; its new facts are the ones scored", async () => {
    const dir = await repository();
    expect(docsMetrics((await scanJson(dir)).result)).toMatchObject({ documentedSymbols: 1, exportedSymbols: 3 });
    await writeFile(
      join(dir, "src/b.ts"),
      'import { add } from "./a";\n\n/** Doubles. */\nexport function twice(x: number): number {\n  const doubled = add(x, x);\n  return doubled;\n}\n',
    );
    const warm = (await scanJson(dir)).result;
    expect(warm.files.cached).toBe(3);
    const fresh = (await scanJson(dir, "--no-cache")).result;
    expect(fresh.files.cached).toBeUndefined();
    expect(comparable(warm)).toEqual(comparable(fresh));
    // b.ts's export is now documented: 2 of 3 exports, where the first scan had 1 of 3.
    expect(docsMetrics(warm)).toMatchObject({ documentedSymbols: 2, exportedSymbols: 3 });
  });

  it("a file that is untracked, or outside git, is keyed by its content", async () => {
    const dir = await temporaryDir("gw-cache-plain-");
    await writeFiles(dir, FILES);
    expect((await scanJson(dir)).result.files.listedBy).toBe("filesystem");
    const warm = (await scanJson(dir)).result;
    expect(warm.files.cached).toBe(4);
    // Same bytes under a new modification time: still cached; new bytes: parsed.
    await writeFile(join(dir, "src/a.ts"), FILES["src/a.ts"]);
    await writeFile(join(dir, "src/c.ts"), `${FILES["src/c.ts"]}// changed\n`);
    expect((await scanJson(dir)).result.files.cached).toBe(3);
  });

  it("a corrupt cache is reported in one line, ignored and rebuilt; the scan is unaffected", async () => {
    const dir = await repository();
    const cold = (await scanJson(dir)).result;
    const path = join(dir, CACHE_FILE);
    const bytes = await readFile(path);
    bytes[bytes.length - 10] = bytes[bytes.length - 10] === 0x41 ? 0x42 : 0x41;
    await writeFile(path, bytes);
    const { run, result } = await scanJson(dir);
    expect(run.stderr).toContain(
      `groundwork: warning: ${join(".groundwork", "cache")}/facts.bin: cache is corrupt; ignored and rebuilt\n`,
    );
    expect(result.files.cached).toBeUndefined();
    expect(comparable({ ...result, warnings: [] })).toEqual(comparable(cold));
    // Rebuilt: the next scan reads it without a warning.
    const again = await scanJson(dir);
    expect(again.run.stderr).toBe("");
    expect(again.result.files.cached).toBe(4);
    // Cut short is corrupt too.
    await truncate(path, 30);
    expect((await scanJson(dir)).run.stderr).toContain("cache is corrupt; ignored and rebuilt");
  });

  it("a cache in another file format (an older Groundwork) is rebuilt without a warning", async () => {
    const dir = await repository();
    await scanJson(dir);
    await writeFile(join(dir, CACHE_FILE), "groundwork-facts 1\nanything at all");
    const { run, result } = await scanJson(dir);
    expect(run.stderr).toBe("");
    expect(result.files.cached).toBeUndefined();
    expect((await scanJson(dir)).result.files.cached).toBe(4);
  });

  it("--no-cache neither reads nor writes; --cache-dir puts it elsewhere", async () => {
    const dir = await repository();
    await scanJson(dir, "--no-cache");
    expect(existsSync(join(dir, ".groundwork"))).toBe(false);
    const elsewhere = join(await temporaryDir("gw-cache-dir-"), "facts");
    await scanJson(dir, "--cache-dir", elsewhere);
    expect(existsSync(join(dir, ".groundwork"))).toBe(false);
    expect(existsSync(join(elsewhere, "facts.bin"))).toBe(true);
    expect((await scanJson(dir, "--cache-dir", elsewhere)).result.files.cached).toBe(4);
    expect((await scanJson(dir, "--no-cache")).result.files.cached).toBeUndefined();
    // `fixes` scans too, with the same switches.
    const other = await repository();
    expect((await runCliInProcess(["fixes", ".", "--no-cache"], other)).status).toBe(0);
    expect(existsSync(join(other, ".groundwork"))).toBe(false);
    expect((await runCliInProcess(["fixes", "."], other)).status).toBe(0);
    expect(existsSync(join(other, CACHE_FILE))).toBe(true);
  });

  it("config cache.enabled false turns it off", async () => {
    const dir = await repository();
    await writeFile(join(dir, "groundwork.config.json"), JSON.stringify({ cache: { enabled: false } }));
    await scanJson(dir);
    expect(existsSync(join(dir, ".groundwork"))).toBe(false);
  });

  it("a cache that cannot be written is a one-line warning, not a failure", async () => {
    const dir = await repository();
    await writeFile(join(dir, "not-a-folder"), "");
    const { run, result } = await scanJson(dir, "--cache-dir", "not-a-folder/cache");
    expect(run.stderr).toMatch(
      /^groundwork: warning: not-a-folder\/cache: cache not written \(ENOTDIR\); the next scan parses every file again\n$/m,
    );
    expect(result.files.parsed).toBe(4);
  });
});
