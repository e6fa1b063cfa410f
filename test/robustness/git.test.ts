/**
 * Robustness: the repository's git state. Not a repository, no git on PATH, a
 * shallow clone, a detached HEAD, no commits, a submodule, a linked worktree:
 * each scans, says what it could not do, and leaves .git byte-for-byte as it was.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll, git, initRepo, writeFiles } from "../helpers/git.js";
import {
  BASE_DOCS,
  BASE_FILES,
  baseRepo,
  categoryIn,
  changesDuringAsync,
  docsOf,
  messages,
  resultOf,
  scanUnchanged,
  scanUnchangedInProcess,
} from "./harness.js";

type Result = ReturnType<typeof resultOf> & { commit: string | null; files: { listedBy: string } };

async function scanJson(dir: string, options: Parameters<typeof scanUnchangedInProcess>[2] = {}): Promise<Result> {
  const run = await scanUnchangedInProcess(dir, ["--format", "json"], options);
  expect(run.status).toBe(0);
  return resultOf(run) as Result;
}

/** A repository with three commits, one a day, each changing src/math.ts. */
async function threeCommits(): Promise<string> {
  const dir = await baseRepo();
  for (const day of [2, 3]) {
    await writeFile(join(dir, "src", "math.ts"), `${BASE_FILES["src/math.ts"]}// day ${day}\n`);
    commitAll(dir, `day ${day}`, `2026-01-0${day}T12:00:00Z`);
  }
  return dir;
}

describe("robustness: git", () => {
  it("not a repository: files come from the filesystem, hotspots are not applicable", async () => {
    const dir = await temporaryDir();
    await writeFiles(dir, BASE_FILES);
    const result = await scanJson(dir, { isGit: false });
    expect(result.files.listedBy).toBe("filesystem");
    expect(result.commit).toBeNull();
    expect(categoryIn(result, "hotspots").reason).toBe("not a git repository");
    expect(docsOf(result)).toMatchObject(BASE_DOCS);
  });

  // A process: git is looked up on the PATH of the process, not of the environment the CLI is given.
  it("git not on PATH: one warning, files from the filesystem, hotspots not applicable", async () => {
    const dir = await baseRepo();
    const run = scanUnchanged(dir, ["--format", "json"], { env: { PATH: await temporaryDir() } });
    expect(run.status).toBe(0);
    expect(messages(run)).toEqual([
      "groundwork: warning: git was not found on PATH; files were listed from the filesystem (.gitignore honoured) and no commit is recorded",
    ]);
    const result = resultOf(run) as Result;
    expect(result.files.listedBy).toBe("filesystem");
    expect(categoryIn(result, "hotspots").reason).toBe("git was not found on PATH");
    expect(docsOf(result)).toMatchObject(BASE_DOCS);
  });

  it("a shallow clone: a warning that history is cut, and the one commit it has", async () => {
    const origin = await threeCommits();
    const clone = join(await temporaryDir(), "clone");
    git(origin, ["clone", "--quiet", "--depth", "1", `file://${origin}`, clone]);
    const run = await scanUnchangedInProcess(clone, ["--format", "json"]);
    expect(messages(run)).toEqual([
      "groundwork: warning: shallow clone: history has 1 commit in the window, hotspots may be incomplete",
    ]);
    expect(categoryIn(resultOf(run), "hotspots").metrics).toMatchObject({ commits: 1, isShallow: true });
  });

  it("a detached HEAD: the scanned commit is the checked-out one", async () => {
    const dir = await threeCommits();
    git(dir, ["checkout", "--quiet", "--detach", "HEAD~1"]);
    const detached = git(dir, ["rev-parse", "HEAD"]).trim();
    const result = await scanJson(dir);
    expect(result.commit).toBe(detached);
    // The history window ends at the checked-out commit: two commits, not three.
    expect(categoryIn(result, "hotspots").metrics).toMatchObject({ commits: 2 });
    expect(docsOf(result)).toMatchObject(BASE_DOCS);
  });

  it("a repository without commits: untracked files are scanned, hotspots say there are no commits", async () => {
    const dir = await temporaryDir();
    initRepo(dir);
    await writeFiles(dir, BASE_FILES);
    const result = await scanJson(dir);
    expect(result.files.listedBy).toBe("git");
    expect(result.commit).toBeNull();
    expect(categoryIn(result, "hotspots").reason).toBe("the repository has no commits");
    expect(docsOf(result)).toMatchObject(BASE_DOCS);
  });

  it("a submodule is listed as skipped (another repository), and its files are not counted", async () => {
    const library = await temporaryDir();
    initRepo(library);
    await writeFiles(library, { "lib.ts": "export const a = 1;\nexport const b = 2;\n" });
    commitAll(library, "library");
    const dir = await baseRepo();
    git(dir, ["-c", "protocol.file.allow=always", "submodule", "--quiet", "add", library, "vendor/library"]);
    commitAll(dir, "add the submodule");
    const result = await scanJson(dir);
    expect(result.files.skippedFiles).toEqual([
      { path: "vendor/library", reason: "submodule", detail: "another repository: scan it on its own" },
    ]);
    expect(docsOf(result)).toMatchObject(BASE_DOCS);
  });

  it("a linked worktree scans its own checkout and leaves the main repository's .git unchanged", async () => {
    const dir = await threeCommits();
    const worktree = join(await temporaryDir(), "worktree");
    git(dir, ["worktree", "add", "--quiet", "--detach", worktree, "HEAD~2"]);
    await mkdir(join(worktree, "src", "extra"), { recursive: true });
    await writeFile(join(worktree, "src", "extra", "more.ts"), "/** More. */\nexport const more = 1;\n");
    let result: Result | undefined;
    const mainChanges = await changesDuringAsync(dir, true, async () => {
      result = await scanJson(worktree);
    });
    expect(mainChanges).toEqual([]);
    expect(result?.commit).toBe(git(dir, ["rev-parse", "HEAD~2"]).trim());
    expect(result && categoryIn(result, "hotspots").metrics).toMatchObject({ commits: 1 });
    // The untracked file of the worktree is scanned with the base's files.
    expect(result && docsOf(result)).toMatchObject({ exportedSymbols: 4, documentedSymbols: 3 });
  });
});
