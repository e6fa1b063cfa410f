import { execFile, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Output } from "../../src/cli/index.js";
import { REPO_ROOT } from "./fixtures.js";

/** What one run of the built CLI did. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const BIN = join(REPO_ROOT, "bin", "groundwork.js");

/** Runs the built CLI (`npm run build` first) as a user would, without colour. */
export function runCli(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  user?: { uid: number; gid: number },
): CliRun {
  assertBuilt();
  const { FORCE_COLOR: _force, GROUNDWORK_DEBUG: _debug, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...inherited, NO_COLOR: "1", ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
    ...user,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let built: string | null | undefined;

/**
 * Throws when the CLI is not built, or when a source file is newer than what it was built to: a test of the CLI
 * would test yesterday's code (checked once per test file).
 */
function assertBuilt(): void {
  built ??= staleness();
  if (built !== null) throw new Error(`${built}: run \`npm run build\` (npm test does it first)`);
}

function staleness(): string | null {
  if (!existsSync(join(REPO_ROOT, "dist", "src", "cli", "index.js"))) return "the CLI is not built";
  for (const folder of ["src", "rules"]) {
    const files = readdirSync(join(REPO_ROOT, folder), { recursive: true, encoding: "utf8" });
    for (const file of files) {
      if (!file.endsWith(".ts") || file.endsWith(".d.ts")) continue;
      const output = join(REPO_ROOT, "dist", folder, file.replace(/\.ts$/, ".js"));
      const source = join(REPO_ROOT, folder, file);
      if (!existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs) {
        return `the CLI is older than ${folder}/${file}`;
      }
    }
  }
  return null;
}

/** runCli without blocking, so that many short runs can share the cores. */
export function runCliAsync(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  assertBuilt();
  const { FORCE_COLOR: _force, GROUNDWORK_DEBUG: _debug, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd,
        env: { ...inherited, NO_COLOR: "1", ...env },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** A stream the CLI writes to, kept in memory: no terminal, as a pipe is not. */
class Capture implements Output {
  readonly isTTY = false;
  text = "";

  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

/**
 * runCliAsync without a process: `run` of src/cli/index.ts in this one, with
 * its stdout and stderr captured (no terminal), in `cwd`, with the environment
 * runCli gives the process. The exit code is what bin/groundwork.js would exit
 * with; an error escaping `run` is what Node would make of it (exit 1, its
 * stack on stderr). For every test whose point is not the process itself.
 * What needs runCli: signals, pipes and the real streams, another user, what
 * is read from the process's own environment rather than the one given (PATH
 * and git's variables for child processes, TMPDIR), worker threads (not
 * started from the TypeScript sources).
 */
export async function runCliInProcess(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  const { FORCE_COLOR: _force, GROUNDWORK_DEBUG: _debug, ...inherited } = process.env;
  const stdout = new Capture();
  const stderr = new Capture();
  // Loaded on first use: a test file that only starts processes does not load the CLI's sources.
  const { run } = await import("../../src/cli/index.js");
  let status: number;
  try {
    status = await run(args, { stdout, stderr, cwd, env: { ...inherited, NO_COLOR: "1", ...env } });
  } catch (error) {
    stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    status = 1;
  }
  return { status, stdout: stdout.text, stderr: stderr.text };
}
