/**
 * Robustness: child processes that are missing, crash or hang, and a scan or
 * `init` interrupted by Ctrl-C. A missing or failed tool makes its category not
 * applicable with the reason; a hang ends at its timeout; an interrupt exits
 * 130 leaving no temporary file, no partial output and no child process behind.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import {
  BASE_DOCS,
  baseRepo,
  categoryIn,
  expectError,
  gitStatus,
  messages,
  resultOf,
  scanUnchanged,
  treePicture,
} from "./harness.js";

async function script(body: string): Promise<string> {
  const path = join(await temporaryDir(), "tool.sh");
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

/**
 * The environment of a git that works, except that `git <command>` never
 * returns; with a 1-second GROUNDWORK_GIT_TIMEOUT.
 */
async function gitThatHangsOn(command: string): Promise<Record<string, string>> {
  const bin = await temporaryDir();
  const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  const script = `#!/bin/sh\nfor a in "$@"; do [ "$a" = ${command} ] && exec sleep 60; done\nexec ${realGit} "$@"\n`;
  await writeFile(join(bin, "git"), script);
  await chmod(join(bin, "git"), 0o755);
  return { PATH: `${bin}:${process.env.PATH ?? ""}`, GROUNDWORK_GIT_TIMEOUT: "1" };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("robustness: jscpd", () => {
  it.each([
    ["is not installed", null, "jscpd not found at /nonexistent/jscpd"],
    [
      "crashes",
      "echo 'thread main panicked at src/engine.rs' >&2\nexit 101",
      "jscpd exited with code 101: thread main panicked at src/engine.rs",
    ],
    ["hangs", "exec sleep 60", "jscpd did not finish within 1 s and was stopped"],
  ])("%s: Duplication is not applicable with the reason, the rest is measured", async (_case, body, reason) => {
    const repo = await baseRepo();
    const executable = body === null ? "/nonexistent/jscpd" : await script(body);
    const config = join(await temporaryDir(), "config.json");
    await writeFile(config, JSON.stringify({ clones: { timeoutSeconds: 1 } }));
    const started = Date.now();
    const run = scanUnchanged(repo, ["--format", "json", "--config", config], {
      env: { GROUNDWORK_JSCPD: executable },
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.status).toBe(0);
    expect(messages(run)).toEqual([`groundwork: warning: duplication not measured: ${reason}`]);
    const result = resultOf(run);
    expect(categoryIn(result, "duplication")).toMatchObject({ score: null, reason: `not measured: ${reason}` });
    expect(categoryIn(result, "docs").metrics).toMatchObject(BASE_DOCS);
  });
});

describe("robustness: git hangs", () => {
  it("a git that stops answering is stopped after GROUNDWORK_GIT_TIMEOUT; hotspots are not applicable", async () => {
    const repo = await baseRepo();
    const started = Date.now();
    const run = scanUnchanged(repo, ["--format", "json"], { env: await gitThatHangsOn("log") });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.status).toBe(0);
    const result = resultOf(run);
    expect(categoryIn(result, "hotspots").reason).toBe(
      "git printed nothing for 1 s and was stopped (GROUNDWORK_GIT_TIMEOUT sets the limit)",
    );
    expect(categoryIn(result, "docs").metrics).toMatchObject(BASE_DOCS);
  });
});

describe("robustness: git hangs while a past commit is read", () => {
  it("scan --baseline-ref: a `git cat-file` that stops answering is exit 2 naming it, within the timeout", async () => {
    const repo = await baseRepo();
    const started = Date.now();
    const run = scanUnchanged(repo, ["--baseline-ref", "HEAD"], { env: await gitThatHangsOn("cat-file") });
    expect(Date.now() - started).toBeLessThan(15_000);
    expectError(run, "git cat-file: git printed nothing for 1 s and was stopped");
  });
});

describe("robustness: Ctrl-C", () => {
  it.each([
    ["scan", ["scan"]],
    ["init", ["init"]],
  ])("during %s: exit 130, no temporary file, no partial output, no child process left", async (_case, command) => {
    const repo = await baseRepo();
    const tmp = await temporaryDir();
    const marker = join(tmp, "..", `${tmp.split("/").at(-1)}.jscpd-pid`);
    // A jscpd that records its pid and hangs: the scan is then surely in its middle.
    const jscpd = await script(`echo $$ > ${marker}\nexec sleep 60`);
    const before = treePicture(repo);
    const statusBefore = gitStatus(repo);
    // In a process group of its own, like a command started from a shell, so that Ctrl-C can be sent
    // as a terminal sends it: to the whole group.
    const child = spawn(process.execPath, [join(REPO_ROOT, "bin", "groundwork.js"), ...command, repo], {
      cwd: repo,
      env: { ...process.env, TMPDIR: tmp, GROUNDWORK_JSCPD: jscpd, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
    await until(() => existsSync(marker) && readFileSync(marker, "utf8").trim() !== "", 20_000);
    const pid = Number(readFileSync(marker, "utf8").trim());
    expect(isRunning(pid)).toBe(true);
    // While jscpd runs, its input folder exists in our private TMPDIR.
    expect(readdirSync(tmp).some((name) => name.startsWith("groundwork-jscpd-"))).toBe(true);
    process.kill(-(child.pid ?? 0), "SIGINT");
    expect(await exited).toBe(130);
    await until(() => !isRunning(pid), 5_000);
    expect(readdirSync(tmp)).toEqual([]);
    // Nothing was written to the repository: no AGENTS.md, no cache, no temporary file.
    expect(treePicture(repo)).toEqual(before);
    expect(gitStatus(repo)).toBe(statusBefore);
    expect(existsSync(join(repo, "AGENTS.md"))).toBe(false);
  });
});
