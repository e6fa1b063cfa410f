/**
 * Robustness: special files where files are expected. A FIFO blocks whoever
 * opens it, a character device never ends: neither is ever opened, whatever it
 * is named, and a link is followed only to a regular file inside the
 * repository. Each run is bounded (memory and time: the old behaviour was a
 * hang that ignored SIGTERM, or gigabytes read from /dev/zero), and leaves the
 * tree byte-identical.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll } from "../helpers/git.js";
import { BASE_DOCS, BASE_FILES, baseRepo, docsOf, expectError, messages, resultOf } from "./harness.js";
import { runCliBounded, scanBounded } from "./bounded-run.js";

const isRoot = process.getuid?.() === 0;

/** An import to resolve: the tsconfig is read only then. No export, so the base's docs facts are unchanged. */
const IMPORTER = { "src/main.ts": 'import { add } from "./math.js";\n\nconsole.log(add(1, 2));\n' };

async function fifo(dir: string, path: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await rm(join(dir, path), { force: true });
  execFileSync("mkfifo", [join(dir, path)]);
}

function skipped(run: { stdout: string }): Array<{ path: string; reason: string; detail?: string }> {
  return resultOf({ status: 0, stdout: run.stdout, stderr: "" }).files.skippedFiles;
}

// The cases are independent, and each is a process waiting on its own: they run side by side.
describe.concurrent("robustness: FIFOs", () => {
  it("a tracked source and README.md replaced by FIFOs are skipped as not regular; the rest is measured", async () => {
    const repo = await baseRepo({ "README.md": "# Base\n\nAdds numbers.\n" });
    await fifo(repo, "src/text.ts");
    await fifo(repo, "README.md");
    const run = await scanBounded(repo);
    expect(run.status).toBe(0);
    expect(skipped(run)).toEqual([
      { path: "README.md", reason: "not-regular", detail: "a FIFO" },
      { path: "src/text.ts", reason: "not-regular", detail: "a FIFO" },
    ]);
    // src/math.ts alone: add (documented) and sub; shout went with src/text.ts.
    expect(docsOf(resultOf(run))).toMatchObject({ exportedSymbols: 2, documentedSymbols: 1 });
  }, 40_000);

  it("outside git: FIFOs named src/z.ts, tsconfig.json, package.json, AGENTS.md and README are never opened", async () => {
    const dir = await temporaryDir("gw-robust-");
    const { "package.json": _package, ...sources } = BASE_FILES;
    for (const [path, text] of Object.entries({ ...sources, ...IMPORTER })) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    for (const path of ["src/z.ts", "tsconfig.json", "package.json", "AGENTS.md", "README"]) await fifo(dir, path);
    const run = await scanBounded(dir, ["--format", "json"], { isGit: false });
    expect(run.status).toBe(0);
    // README has no kind that is stat'ed when listed: its reader refuses it, and the repository has no README.
    expect(skipped(run)).toEqual([
      { path: "AGENTS.md", reason: "not-regular", detail: "a FIFO" },
      { path: "package.json", reason: "not-regular", detail: "a FIFO" },
      { path: "src/z.ts", reason: "not-regular", detail: "a FIFO" },
      { path: "tsconfig.json", reason: "not-regular", detail: "a FIFO" },
    ]);
    expect(messages(run)).toContain(
      "groundwork: warning: tsconfig.json: cannot be read (it is a FIFO, not a regular file); resolving its imports with default options",
    );
    expect(docsOf(resultOf(run))).toMatchObject(BASE_DOCS);
  }, 40_000);

  it("a groundwork.config.json that is a FIFO is exit 2 naming it", async () => {
    const repo = await baseRepo();
    await fifo(repo, "groundwork.config.json");
    const run = await scanBounded(repo, ["--format", "json"]);
    expectError(run, "config file", "groundwork.config.json: is a FIFO, not a regular file");
  }, 40_000);

  it("init with a FIFO where AGENTS.md goes: exit 2 naming it, nothing written", async () => {
    const repo = await baseRepo();
    await fifo(repo, "AGENTS.md");
    const run = await scanBounded(repo, [], { command: "init", isGit: true });
    expectError(run, "AGENTS.md: is a FIFO, not a regular file");
  }, 40_000);

  it("report, --baseline and --config given a FIFO: exit 2 naming it", async () => {
    const repo = await baseRepo();
    const outside = await temporaryDir();
    await fifo(outside, "result.json");
    const report = await runCliBounded(["report", "result.json"], outside);
    expect(report.timedOut).toBe(false);
    expectError(report, "result result.json: is a FIFO, not a regular file");
    const baseline = await scanBounded(repo, ["--baseline", join(outside, "result.json")]);
    expectError(baseline, `baseline ${join(outside, "result.json")}: is a FIFO, not a regular file`);
    const config = await scanBounded(repo, ["--config", join(outside, "result.json")]);
    expectError(config, "result.json: is a FIFO, not a regular file");
  }, 60_000);
});

// The cases are independent, and each is a process waiting on its own: they run side by side.
describe.concurrent("robustness: devices and links to them", () => {
  it.skipIf(!isRoot)(
    "a tracked source replaced by a character device (as /dev/zero) is skipped, not read (mknod needs root)",
    async () => {
      const repo = await baseRepo();
      await rm(join(repo, "src/text.ts"));
      execFileSync("mknod", [join(repo, "src/text.ts"), "c", "1", "5"]);
      const run = await scanBounded(repo);
      expect(run.status).toBe(0);
      expect(skipped(run)).toEqual([{ path: "src/text.ts", reason: "not-regular", detail: "a character device" }]);
      expect(docsOf(resultOf(run))).toMatchObject({ exportedSymbols: 2, documentedSymbols: 1 });
    },
    40_000,
  );

  it("a committed tsconfig.json linked to /dev/zero is not read: a warning, and default options", async () => {
    const repo = await baseRepo(IMPORTER);
    await symlink("/dev/zero", join(repo, "tsconfig.json"));
    commitAll(repo, "tsconfig");
    const run = await scanBounded(repo);
    expect(run.status).toBe(0);
    expect(messages(run)).toContain(
      "groundwork: warning: tsconfig.json: cannot be read (it leads outside the repository, to /dev/zero); resolving its imports with default options",
    );
    expect(docsOf(resultOf(run))).toMatchObject(BASE_DOCS);
  }, 40_000);

  it("a committed tsconfig.json linked to /dev/stdin does not read standard input (left open)", async () => {
    const repo = await baseRepo(IMPORTER);
    await symlink("/dev/stdin", join(repo, "tsconfig.json"));
    commitAll(repo, "tsconfig");
    const run = await scanBounded(repo, ["--format", "json"], { stdin: "open" });
    expect(run.status).toBe(0);
    // Standard input is a pipe here: /dev/stdin leads to no file at all.
    expect(messages(run)).toContain(
      "groundwork: warning: tsconfig.json: cannot be read (it is a broken link, not a regular file); resolving its imports with default options",
    );
  }, 40_000);
});

describe("robustness: signals while a special file is in the tree", () => {
  it("SIGTERM during a scan with a FIFO in place of the tsconfig (read on the main thread) exits 143", async () => {
    const repo = await baseRepo({ ...IMPORTER, "tsconfig.json": "{}\n" });
    await fifo(repo, "tsconfig.json");
    const tmp = await temporaryDir();
    const marker = join(tmp, "jscpd.pid");
    // A jscpd that records its pid and hangs: the scan waits for it after the tsconfig was read (or blocked on).
    const jscpd = join(tmp, "jscpd.sh");
    await writeFile(jscpd, `#!/bin/sh\necho $$ > ${marker}\nexec sleep 60\n`);
    await chmod(jscpd, 0o755);
    const run = runCliBounded(["scan", repo, "--no-cache"], repo, {
      env: { GROUNDWORK_JSCPD: jscpd },
      onStart: (pid) => {
        const started = Date.now();
        let readyAt: number | null = null;
        const poll = setInterval(() => {
          if (readyAt === null && existsSync(marker) && readFileSync(marker, "utf8").trim() !== "")
            readyAt = Date.now();
          // Two seconds after jscpd started, the main thread has parsed and reached the tsconfig.
          const isTime = readyAt !== null ? Date.now() - readyAt > 2_000 : Date.now() - started > 15_000;
          if (!isTime) return;
          clearInterval(poll);
          process.kill(-pid, "SIGTERM");
        }, 50);
      },
    });
    const done = await run;
    expect(done.timedOut).toBe(false);
    expect(done.status).toBe(143);
    expect(done.stdout).toBe("");
  }, 40_000);
});
