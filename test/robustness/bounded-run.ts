/**
 * Runs of the built CLI that cannot take the test down with them: a run that
 * blocks on a FIFO ignores SIGTERM, and one that reads /dev/zero grows without
 * end, so each run has a memory ceiling (`ulimit -v`) and is killed with
 * SIGKILL, process group and all, after its time limit.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect } from "vitest";
import type { CliRun } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/fixtures.js";
import { changesDuringAsync } from "./harness.js";

/** The CLI under test; GROUNDWORK_TEST_BIN runs these cases against another build (an older one, to see them fail). */
const BIN = process.env.GROUNDWORK_TEST_BIN || join(REPO_ROOT, "bin", "groundwork.js");

/** Virtual memory a run may use, in KiB: a scan needs well under 1 GiB of it. */
const MEMORY_KIB = 3_000_000;

/** What a bounded run did; `timedOut` when it was killed at its time limit. */
export interface BoundedRun extends CliRun {
  timedOut: boolean;
}

export interface BoundedOptions {
  env?: Record<string, string>;
  /** Milliseconds before the run is killed (default 20 s). */
  timeoutMs?: number;
  /** "open": standard input is a pipe that is never closed, as a terminal's is. */
  stdin?: "ignore" | "open";
  /** Called with the process group's id once the run has started. */
  onStart?: (pid: number) => void;
}

/** Runs the CLI with a memory ceiling and a hard time limit. */
export function runCliBounded(args: readonly string[], cwd: string, options: BoundedOptions = {}): Promise<BoundedRun> {
  const { FORCE_COLOR: _force, GROUNDWORK_DEBUG: _debug, ...inherited } = process.env;
  const child = spawn("/bin/sh", ["-c", `ulimit -v ${MEMORY_KIB}; exec "$0" "$@"`, process.execPath, BIN, ...args], {
    cwd,
    env: { ...inherited, NO_COLOR: "1", ...options.env },
    stdio: [options.stdin === "open" ? "pipe" : "ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    process.kill(-(child.pid ?? 0), "SIGKILL");
  }, options.timeoutMs ?? 20_000);
  if (child.pid !== undefined) options.onStart?.(child.pid);
  return new Promise((resolve) => {
    child.on("close", (status) => {
      clearTimeout(timer);
      child.stdin?.destroy();
      resolve({ status, stdout, stderr, timedOut });
    });
  });
}

/**
 * A bounded scan of `dir` (`--no-cache`, JSON unless `args` says otherwise)
 * that must finish in time and leave `dir` unchanged, byte for byte.
 */
export async function scanBounded(
  dir: string,
  args: readonly string[] = ["--format", "json"],
  options: BoundedOptions & { isGit?: boolean; command?: string } = {},
): Promise<BoundedRun> {
  let run: BoundedRun = { status: null, stdout: "", stderr: "", timedOut: false };
  const changed = await changesDuringAsync(dir, options.isGit ?? true, async () => {
    run = await runCliBounded([options.command ?? "scan", dir, "--no-cache", ...args], dir, options);
  });
  expect(run.timedOut).toBe(false);
  expect(changed).toEqual([]);
  return run;
}
