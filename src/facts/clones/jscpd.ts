/**
 * Duplicated code found by jscpd 5 (its Rust engine), run as a child process on
 * the discovered file list: the engine chosen by `clones.engine: "jscpd"` or
 * GROUNDWORK_JSCPD.
 *
 * May: start jscpd, write its config, links to the files and its report into a temporary directory
 * (always removed), read the report.
 * May not: scan the repository itself (jscpd gets our file list), report findings.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { onInterrupt, removeOnInterrupt } from "../../cleanup.js";
import { READ_LIMITS, readGivenText } from "../../read.js";
import type { CloneLocation, ClonePair, CloneRun, ClonesFact } from "./types.js";

/** Runs jscpd on the given files; never throws: a failure is an "unavailable" fact with the reason. */
export async function runJscpd(run: CloneRun): Promise<ClonesFact> {
  if (run.files.length === 0) return { status: "ok", clones: [] };
  const command = run.executable ? { file: run.executable, args: [] } : locateJscpd();
  if ("reason" in command) return { status: "unavailable", reason: command.reason };
  // Everything up to the spawn is synchronous: the scan starts parsing right after
  // this call, and each await here would wait behind a batch of parsing.
  let workDir: string;
  try {
    workDir = mkdtempSync(join(tmpdir(), "groundwork-jscpd-"));
  } catch (error) {
    return { status: "unavailable", reason: `no temporary folder for jscpd (${errorCode(error)})` };
  }
  const unregister = removeOnInterrupt(workDir);
  try {
    const tree = join(workDir, "tree");
    const output = join(workDir, "report");
    const configPath = join(workDir, "jscpd.json");
    try {
      linkTree(tree, run.root, run.files);
      writeFileSync(configPath, JSON.stringify(jscpdConfig(run, tree, output)));
    } catch (error) {
      return { status: "unavailable", reason: `could not prepare jscpd's input in ${workDir} (${errorCode(error)})` };
    }
    // One worker: the other core is Node's, parsing at the same time.
    const args = [...command.args, "--config", configPath, "--no-gitignore", "--workers", "1"];
    const exit = await runProcess(command.file, args, workDir, run.settings.timeoutMs);
    if (exit.kind !== "ok") return { status: "unavailable", reason: exit.reason };
    return readReport(join(output, "jscpd-report.json"), tree);
  } finally {
    await rm(workDir, { recursive: true, force: true });
    unregister();
  }
}

function jscpdConfig(run: CloneRun, tree: string, output: string): Record<string, unknown> {
  return {
    path: [tree],
    followSymlinks: true,
    reporters: ["json"],
    output,
    absolute: true,
    silent: true,
    noTips: true,
    maxSize: String(run.maxFileSize),
    ...(run.settings.minTokens === null ? {} : { minTokens: run.settings.minTokens }),
    ...(run.settings.minLines === null ? {} : { minLines: run.settings.minLines }),
  };
}

function errorCode(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : String(error);
}

/**
 * A folder of symbolic links to exactly the files to compare. jscpd walks each
 * path it is given separately (two threads and a sleep per path), so 334 paths
 * took 0.75 s where one folder of 334 links takes 0.31 s, with the same clones.
 */
function linkTree(tree: string, root: string, files: readonly string[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const link = join(tree, file);
    const folder = dirname(link);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    symlinkSync(join(root, file), link);
  }
}

type Command = { file: string; args: string[] } | { reason: string };

/**
 * jscpd 5.3.3's native binary. The `jscpd` wrapper package lists a binary
 * package per platform, but for 5.3.3 only the Linux x64 ones were published
 * (its lockfile entry then breaks `npm ci`), so Groundwork depends on those two
 * directly, as optional dependencies: npm installs the one matching the libc.
 */
const BINARY_PACKAGES = ["jscpd-linux-x64-gnu", "jscpd-linux-x64-musl"];

function locateJscpd(): Command {
  const require = createRequire(import.meta.url);
  for (const name of BINARY_PACKAGES) {
    try {
      const manifest = require.resolve(`${name}/package.json`);
      return { file: join(dirname(manifest), "bin", "jscpd"), args: [] };
    } catch {
      // not installed on this platform
    }
  }
  return {
    reason: `jscpd 5.3.3 has a binary for Linux x64 only (this is ${process.platform}-${process.arch}); set GROUNDWORK_JSCPD to a jscpd 5 executable`,
  };
}

type Exit = { kind: "ok" } | { kind: "failed"; reason: string };

function runProcess(file: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<Exit> {
  return new Promise((resolve) => {
    let stderr = "";
    const child = spawn(file, args, { cwd, stdio: ["ignore", "ignore", "pipe"], detached: true });
    // jscpd runs in its own process group, out of reach of the terminal's Ctrl-C: stop it with the scan.
    const unregister = onInterrupt(() => killGroup(child.pid));
    child.on("close", unregister);
    const timer = setTimeout(() => {
      killGroup(child.pid);
      resolve({
        kind: "failed",
        reason: `jscpd did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`,
      });
    }, timeoutMs);
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      const code = "code" in error ? String(error.code) : "";
      resolve({
        kind: "failed",
        reason: code === "ENOENT" ? `jscpd not found at ${file}` : `jscpd could not start (${error.message})`,
      });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ kind: "ok" });
      else {
        const detail = stderr.split("\n").find((line) => line.trim() !== "" && !line.startsWith("Using config")) ?? "";
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        resolve({ kind: "failed", reason: `jscpd ${how}${detail ? `: ${detail.trim().slice(0, 200)}` : ""}` });
      }
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

async function readReport(path: string, root: string): Promise<ClonesFact> {
  let parsed: unknown;
  try {
    const read = readGivenText(path, READ_LIMITS.report);
    if (!read.ok) throw new Error(read.reason);
    parsed = JSON.parse(read.text);
  } catch {
    return { status: "unavailable", reason: "jscpd wrote no readable report" };
  }
  if (typeof parsed !== "object" || parsed === null || !("duplicates" in parsed) || !Array.isArray(parsed.duplicates)) {
    return { status: "unavailable", reason: "jscpd's report has no duplicates list" };
  }
  const clones = parsed.duplicates.flatMap((duplicate: unknown) => {
    const pair = toPair(duplicate, root);
    return pair ? [pair] : [];
  });
  clones.sort((x, y) => compareLocation(x.a, y.a) || compareLocation(x.b, y.b));
  return { status: "ok", clones };
}

function toPair(duplicate: unknown, root: string): ClonePair | null {
  if (typeof duplicate !== "object" || duplicate === null) return null;
  const a = "firstFile" in duplicate ? toLocation(duplicate.firstFile, root) : null;
  const b = "secondFile" in duplicate ? toLocation(duplicate.secondFile, root) : null;
  if (!a || !b) return null;
  const lines = "lines" in duplicate && typeof duplicate.lines === "number" ? duplicate.lines : a.end - a.start + 1;
  const tokens = "tokens" in duplicate && typeof duplicate.tokens === "number" ? duplicate.tokens : 0;
  // Report each pair once, its earlier place first.
  // jscpd's report does not say which code the tokens were.
  const typeTokens = null;
  return compareLocation(a, b) <= 0 ? { a, b, lines, tokens, typeTokens } : { a: b, b: a, lines, tokens, typeTokens };
}

function toLocation(side: unknown, root: string): CloneLocation | null {
  if (typeof side !== "object" || side === null) return null;
  if (!("name" in side) || typeof side.name !== "string") return null;
  const start = "start" in side && typeof side.start === "number" ? side.start : null;
  const end = "end" in side && typeof side.end === "number" ? side.end : null;
  if (start === null || end === null) return null;
  const absolute = isAbsolute(side.name) ? side.name : join(root, side.name);
  return { file: relative(root, absolute).split(sep).join("/"), start, end };
}

function compareLocation(x: CloneLocation, y: CloneLocation): number {
  return (x.file < y.file ? -1 : x.file > y.file ? 1 : 0) || x.start - y.start;
}
