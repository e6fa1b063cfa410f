/**
 * Robustness: where reports and history go. `-o` writes into what is not a
 * regular file (a device, a FIFO, a link and what it leads to) and never puts a
 * file in its place; a failed write to any output, stdout included, is exit 2
 * naming it; a closed pipe (`scan | head -c 0`) ends the run quietly with 141,
 * as a shell reports a program a closed pipe stopped; a history file that
 * cannot take the scan is exit 2 before the report is printed.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, lstatSync, mkdirSync, openSync, readlinkSync, symlinkSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess, type CliRun } from "../helpers/cli.js";
import { REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { baseRepo, changesDuringAsync, expectError, messages, scanUnchangedInProcess } from "./harness.js";

const BIN = join(REPO_ROOT, "bin", "groundwork.js");
const isRoot = process.getuid?.() === 0;

/** A saved result and a recorded history, so that `report` and `trend` have something to write. */
async function repoWithResult(): Promise<{ repo: string; result: string; history: string }> {
  const repo = await baseRepo();
  const outside = await temporaryDir();
  const result = join(outside, "result.json");
  const history = join(outside, "history.jsonl");
  expect((await runCliInProcess(["scan", repo, "--no-cache", "-f", "json", "-o", result], repo)).status).toBe(0);
  expect(
    (await runCliInProcess(["scan", repo, "--no-cache", "--record", "--history-file", history], repo)).status,
  ).toBe(0);
  return { repo, result, history };
}

let shared: ReturnType<typeof repoWithResult> | null = null;

/** One repository with its saved result and history for every case (no case changes them). */
function fixture(): ReturnType<typeof repoWithResult> {
  shared ??= repoWithResult();
  return shared;
}

/** The command line of each command that writes a report, with `-o` or on stdout. */
function commandOf(name: string, shape: { repo: string; result: string; history: string }): string[] {
  if (name === "scan") return ["scan", shape.repo, "--no-cache", "-q", "-f", "json"];
  if (name === "trend") return ["trend", shape.repo, "--history-file", shape.history, "-f", "json"];
  return ["report", shape.result, "-f", "json"];
}

/** Runs the CLI with its stdout on `fd` (a device, a file); stopped (SIGTERM) after 60 s. */
function runWithStdout(args: readonly string[], cwd: string, fd: number): Promise<CliRun> {
  const { FORCE_COLOR: _force, GROUNDWORK_DEBUG: _debug, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...inherited, NO_COLOR: "1" },
      stdio: ["ignore", fd, "pipe"],
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), 60_000);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: "", stderr });
    });
  });
}

/** Runs the CLI with a stdout pipe whose reading end is closed at once (`| head -c 0`). */
function runIntoClosedPipe(args: readonly string[], cwd: string): Promise<CliRun> {
  const { FORCE_COLOR: _force, GROUNDWORK_DEBUG: _debug, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...inherited, NO_COLOR: "1" } });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("close", (status) => resolve({ status, stdout: "", stderr }));
  });
}

describe("robustness: -o into what is not a regular file", () => {
  it.each(["scan", "trend", "report"])(
    "%s -o a symbolic link to a file: the file it leads to gets the report, the link stays",
    async (name) => {
      const shape = await fixture();
      const folder = await temporaryDir();
      const target = join(folder, "kept", "report.json");
      mkdirSync(join(folder, "kept"));
      await writeFile(target, "old report\n");
      const link = join(folder, "latest.json");
      symlinkSync(target, link);
      const run = await runCliInProcess([...commandOf(name, shape), "-o", link], shape.repo);
      expect(run.status).toBe(0);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(target);
      const written = JSON.parse(await readFile(target, "utf8")) as object;
      expect(Object.keys(written).length).toBeGreaterThan(0);
    },
  );

  it.skipIf(!isRoot)(
    "scan -o a full device node (needs root for mknod): exit 2 naming it and why, the node left in place",
    async () => {
      const repo = await baseRepo();
      const device = join(await temporaryDir(), "full");
      execFileSync("mknod", [device, "c", "1", "7"]);
      const run = await scanUnchangedInProcess(repo, ["-q", "-f", "json", "-o", device]);
      expectError(run, `cannot write ${device}: ENOSPC: no space left on device`);
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
    },
  );

  it("-o an empty path is a usage error, before anything is scanned", async () => {
    const repo = await baseRepo();
    expectError(await scanUnchangedInProcess(repo, ["-q", "-o", ""]), "--output: the path is empty; give a file");
  });
});

// Processes: what is asserted is the real process's stdout (a device, a closed pipe).
describe("robustness: stdout that fails or goes away", () => {
  // Independent processes, each waiting on its own: side by side.
  it.concurrent.each(["scan", "trend", "report"])(
    "%s > /dev/full: exit 2 naming stdout and the reason (the report was lost with exit 0 or a stack trace)",
    async (name) => {
      const shape = await fixture();
      const full = openSync("/dev/full", "w");
      let run: CliRun = { status: null, stdout: "", stderr: "" };
      const changed = await changesDuringAsync(shape.repo, true, async () => {
        run = await runWithStdout(commandOf(name, shape), shape.repo, full);
      });
      closeSync(full);
      expect(changed).toEqual([]);
      expect(run.stderr).toBe("groundwork: error: cannot write to stdout: ENOSPC: no space left on device\n");
      expect(run.status).toBe(2);
    },
  );

  // Independent processes, each waiting on its own: side by side.
  it.concurrent.each(["scan", "trend", "report"])(
    "%s | head -c 0: exit 141, nothing on stderr (it printed a 26-line EPIPE stack trace and exit 1)",
    async (name) => {
      const shape = await fixture();
      const run = await runIntoClosedPipe(commandOf(name, shape), shape.repo);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(141);
    },
  );
});

describe("robustness: a history file that cannot take the scan", () => {
  it("--history-file a folder: exit 2 before anything is scanned or printed", async () => {
    const repo = await baseRepo();
    const folder = await temporaryDir();
    const run = await scanUnchangedInProcess(repo, ["-q", "--record", "--history-file", folder]);
    expectError(run, `--history-file ${folder}: ${folder} is a directory, not a regular file; nothing recorded`);
  });

  describe.skipIf(!isRoot)("on a full disk (a 64 KB tmpfs, mounted as root)", () => {
    const mounted: string[] = [];
    afterAll(() => {
      for (const point of mounted) spawnSync("umount", [point]);
    });

    it("scan --record: exit 2 naming the file and ENOSPC, and the report is not printed", async () => {
      const repo = await baseRepo();
      const point = await temporaryDir("gw-fulldisk-");
      const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", point]);
      if (mount.status !== 0) throw new Error(`mount failed: ${mount.stderr.toString()}`);
      mounted.push(point);
      const history = join(point, "history.jsonl");
      await writeFile(history, "");
      // Fill the rest of the disk.
      spawnSync("dd", ["if=/dev/zero", `of=${join(point, "filler")}`, "bs=4k"]);
      const run = await scanUnchangedInProcess(repo, ["-q", "--record", "--history-file", history]);
      expectError(run, `cannot append to ${history} (ENOSPC: no space left on device)`);
      expect(messages(run)).toHaveLength(1);
    });
  });
});

describe("robustness: control characters in the repository's names", () => {
  // A file name that clears the screen and holds a newline: by construction 1 undocumented export at line 1, column 17.
  const NAME = "src/\u001b[2Jev\nil.ts";
  const SHOWN = "src/\\x1b[2Jev\\nil.ts";
  let repo: Promise<string> | null = null;
  const evilRepo = (): Promise<string> =>
    (repo ??= baseRepo({ [NAME]: "export function evil(a: number): number {\n  const b = a;\n  return b;\n}\n" }));

  it.each(["text", "markdown", "github", "html"])(
    "-f %s prints them as escapes (\\x1b, \\n), never raw",
    async (format) => {
      const run = await scanUnchangedInProcess(await evilRepo(), ["-q", "-f", format]);
      expect(run.status).toBe(0);
      expect(run.stdout).not.toContain("\u001b");
      expect(run.stdout).not.toContain("ev\nil");
      expect(run.stdout).toContain(SHOWN);
    },
  );

  it("Markdown keeps the file's fixes on their own lines; GitHub's annotation names the escaped file", async () => {
    const markdown = (await scanUnchangedInProcess(await evilRepo(), ["-q", "-f", "markdown"])).stdout.split("\n");
    expect(markdown.filter((line) => line.startsWith(`**\`${SHOWN}\`** — 2 fixes, up to +`))).toHaveLength(1);
    const github = (await scanUnchangedInProcess(await evilRepo(), ["-q", "-f", "github"])).stdout.split("\n");
    expect(github.filter((line) => line.startsWith(`::warning file=${SHOWN},line=1,col=17,`))).toHaveLength(1);
  });

  it("neighbour: JSON keeps the name as it is (JSON escapes it itself)", async () => {
    const run = await scanUnchangedInProcess(await evilRepo(), ["-q", "-f", "json"]);
    expect(run.stdout).not.toContain("\u001b");
    const files = (JSON.parse(run.stdout) as { findings: Array<{ file: string }> }).findings.map(
      (finding) => finding.file,
    );
    expect(files.filter((file) => file === NAME)).toHaveLength(2);
  });
});
