/**
 * The in-process runner (runCliInProcess) that most CLI tests use: it gives
 * what the process gives, and what the CLI reads of its environment is the
 * environment it is given, git's timeout included.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gitTimeoutReason, gitTimeoutSeconds, runWithGitEnv } from "../../src/git.js";
import { runCliAsync, runCliInProcess } from "../helpers/cli.js";
import { copyFixture, REPO_ROOT } from "../helpers/fixtures.js";
import { baseRepo } from "../robustness/harness.js";

describe("runCliInProcess", () => {
  it("gives the status, stdout and stderr the process gives", async () => {
    const dir = await copyFixture("scan/known-counts");
    const cases: Array<[string[], string]> = [
      // Clones found on the main thread here, on a worker thread by the process: the same result.
      [["scan", dir, "--format", "json", "--no-cache"], REPO_ROOT],
      [[], dir],
    ];
    const processes = await Promise.all(cases.map(([args, cwd]) => runCliAsync(args, cwd)));
    for (const [index, [args, cwd]] of cases.entries()) {
      expect(await runCliInProcess(args, cwd), args.join(" ")).toEqual(processes[index]);
    }
  });

  it("passes GROUNDWORK_GIT_TIMEOUT of the environment given to git, not process.env's", async () => {
    // A .git/HEAD that is a FIFO: git blocks on reading it, and is stopped when it has been silent too long.
    const repo = await baseRepo();
    rmSync(join(repo, ".git", "HEAD"));
    execFileSync("mkfifo", [join(repo, ".git", "HEAD")]);
    const started = Date.now();
    const run = await runCliInProcess(["scan", ".", "--no-cache", "-f", "json"], repo, {
      GROUNDWORK_GIT_TIMEOUT: "0.2",
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.status).toBe(0);
    const reason = "git printed nothing for 0.2 s and was stopped (GROUNDWORK_GIT_TIMEOUT sets the limit)";
    expect(run.stderr).toBe(`groundwork: warning: ${reason}; files were listed from the filesystem instead\n`);
    const hotspots = (JSON.parse(run.stdout) as { categories: Array<{ id: string; reason?: string }> }).categories.find(
      (category) => category.id === "hotspots",
    );
    expect(hotspots?.reason).toBe(reason);
  });
});

describe("runWithGitEnv", () => {
  it("is what git's timeout is read from, through awaits, each run its own; process.env outside", async () => {
    const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    const [slow, fast] = await Promise.all([
      runWithGitEnv({ GROUNDWORK_GIT_TIMEOUT: "3" }, async () => {
        await after(20);
        return gitTimeoutReason();
      }),
      runWithGitEnv({ GROUNDWORK_GIT_TIMEOUT: "5" }, async () => {
        await after(5);
        return gitTimeoutSeconds();
      }),
    ]);
    expect(slow).toBe("git printed nothing for 3 s and was stopped (GROUNDWORK_GIT_TIMEOUT sets the limit)");
    expect(fast).toBe(5);
    expect(runWithGitEnv({ GROUNDWORK_GIT_TIMEOUT: "nonsense" }, () => gitTimeoutSeconds())).toBe(120);
    expect(runWithGitEnv({}, () => gitTimeoutSeconds())).toBe(120);
    expect(gitTimeoutSeconds({ GROUNDWORK_GIT_TIMEOUT: "9" })).toBe(9);
    expect(gitTimeoutSeconds()).toBe(gitTimeoutSeconds(process.env));
  });
});
