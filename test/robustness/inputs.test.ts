/**
 * Robustness: odd paths and odd files. Each case runs the real CLI, asserts the
 * exit code and the one-line message naming what and where, that the base
 * repository's own facts are still measured, and that nothing changed on disk.
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  createReadStream,
  lstatSync,
  mkdirSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll } from "../helpers/git.js";
import {
  BASE_DOCS,
  BASE_FILES,
  baseRepo,
  categoryIn,
  changesDuringAsync,
  docsOf,
  expectError,
  messages,
  resultOf,
  scanUnchanged,
  scanUnchangedInProcess,
} from "./harness.js";
import { runCliInProcess } from "../helpers/cli.js";

type Result = ReturnType<typeof resultOf>;

function skipOf(result: Result, path: string): { reason: string; detail?: string } | undefined {
  const found = result.files.skippedFiles.find((file) => file.path === path);
  if (!found) return undefined;
  const { path: _path, ...why } = found;
  return why;
}

describe("robustness: the path given", () => {
  it("a missing path is exit 2 naming the path, and nothing is created", async () => {
    const parent = await temporaryDir();
    const missing = join(parent, "no-such-repo");
    const changed = await changesDuringAsync(parent, false, async () => {
      expectError(await runCliInProcess(["scan", missing], parent), `${missing}: no such directory`);
    });
    expect(changed).toEqual([]);
  });

  it("a file instead of a directory is exit 2 naming the file", async () => {
    const parent = await temporaryDir();
    const file = join(parent, "main.ts");
    await writeFile(file, "export const a = 1;\n");
    const changed = await changesDuringAsync(parent, false, async () => {
      expectError(await runCliInProcess(["scan", file], parent), `${file}: not a directory`);
    });
    expect(changed).toEqual([]);
  });

  it("an empty directory is exit 0, not scored, with a warning naming it", async () => {
    const dir = await temporaryDir();
    const run = await scanUnchangedInProcess(dir, [], { isGit: false });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Readiness: not scored (no category had anything to measure)");
    expect(run.stderr).toBe("");
    // A warning wraps at the report's width, its continuation indented by two spaces.
    expect(run.stdout.replace(/\n {2}/g, " ")).toContain(
      `warning: ${dir}: no JavaScript or TypeScript source file to analyse; the code categories are not applicable\n`,
    );
  });

  it("a directory with no source files scores only what applies, and says why the rest does not", async () => {
    const dir = await temporaryDir();
    await writeFile(join(dir, "notes.txt"), "just notes\n");
    await writeFile(join(dir, "README.md"), "# Notes\n\nPlain notes.\n");
    const result = resultOf(await scanUnchangedInProcess(dir, ["--format", "json"], { isGit: false }));
    expect(result.files.parsed).toBe(0);
    expect(categoryIn(result, "interfaces").reason).toBe("no source files were parsed");
    expect(categoryIn(result, "cycles").reason).toBe("no modules to link");
    expect(categoryIn(result, "hotspots").reason).toBe("not a git repository");
    expect(result.warnings).toEqual([
      `${dir}: no JavaScript or TypeScript source file to analyse; the code categories are not applicable`,
    ]);
  });

  it("a repository whose only files are tests parses the tests and has no code to score", async () => {
    const dir = await temporaryDir();
    await mkdir(join(dir, "test"));
    await writeFile(join(dir, "test", "a.test.ts"), 'import { it } from "vitest";\nit("runs", () => {});\n');
    const result = resultOf(await scanUnchangedInProcess(dir, ["--format", "json"], { isGit: false }));
    expect(result.files.parsed).toBe(1);
    expect(categoryIn(result, "interfaces").reason).toBe("no source files were parsed");
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("no JavaScript or TypeScript source file to analyse");
  });
});

describe("robustness: odd files next to good ones", () => {
  const nested = (depth: number): string =>
    `/** Deep. */\nexport const deep = ${"(\n".repeat(depth)}1${"\n)".repeat(depth)};\n`;
  const longDir = Array.from(
    { length: 12 },
    (_, index) => `a-rather-long-folder-name-${String(index).padStart(3, "0")}`,
  );

  it.each<{
    name: string;
    files: Record<string, string | Buffer>;
    /** Exported and documented symbols the odd file adds to the base's. */
    adds: { exported: number; documented: number };
    /** Run as a process: the case needs the worker threads, which do not start from the TypeScript sources. */
    isProcess?: boolean;
    check: (result: Result, stderr: string[]) => void;
  }>([
    {
      name: "a file that does not parse",
      files: { "src/broken.ts": "/** Broken. */\nexport const x = ;\n" },
      adds: { exported: 0, documented: 0 },
      check: (result) => {
        const finding = result.findings.find((candidate) => candidate.ruleId === "core/parse-error");
        expect(finding).toMatchObject({ file: "src/broken.ts", line: 2 });
        expect(finding?.message).toBe("This file does not parse: Expression expected.");
      },
    },
    {
      name: "a file with a byte-order mark",
      files: { "src/bom.ts": "\uFEFF/** With a BOM. */\nexport const bom = 1;\n" },
      adds: { exported: 1, documented: 1 },
      check: (result) => expect(result.findings.filter((finding) => finding.file === "src/bom.ts")).toEqual([]),
    },
    {
      name: "CRLF line ends",
      files: { "src/crlf.ts": "/** First. */\r\nexport const first = 1;\r\n\r\nexport const second = 2;\r\n" },
      adds: { exported: 2, documented: 1 },
      check: (result) => {
        const undocumented = result.findings.filter(
          (finding) => finding.file === "src/crlf.ts" && finding.ruleId === "docs/exported-symbol-doc",
        );
        expect(undocumented.map((finding) => finding.line)).toEqual([4]);
      },
    },
    {
      name: "non-UTF-8 bytes (Latin-1)",
      files: { "src/latin1.ts": Buffer.from('/** Caf\xe9 menu. */\nexport const menu = "caf\xe9";\n', "latin1") },
      adds: { exported: 1, documented: 1 },
      check: (result, stderr) => {
        expect(result.warnings).toContain("src/latin1.ts: not valid UTF-8; read as Latin-1");
        expect(stderr).toContain("groundwork: warning: src/latin1.ts: not valid UTF-8; read as Latin-1");
      },
    },
    {
      name: "a NUL byte",
      files: { "src/nul.ts": Buffer.from('export const nul = "a\u0000b";\n', "utf8") },
      adds: { exported: 0, documented: 0 },
      check: (result) => expect(skipOf(result, "src/nul.ts")).toEqual({ reason: "binary", detail: "NUL byte" }),
    },
    {
      name: "a 10 MB single-line minified bundle",
      files: { "src/bundle.js": `var a=0;${"a=a+1;".repeat(1_666_666)}\n` },
      adds: { exported: 0, documented: 0 },
      check: (result) =>
        expect(skipOf(result, "src/bundle.js")).toEqual({ reason: "too-large", detail: "10000005 bytes" }),
    },
    {
      name: "an expression nested 5,000 deep",
      files: { "src/deep.ts": nested(5000) },
      adds: { exported: 1, documented: 1 },
      // Parsed again on a worker thread's larger stack.
      isProcess: true,
      check: (result) => {
        const rules = result.findings
          .filter((finding) => finding.file === "src/deep.ts")
          .map((finding) => finding.ruleId);
        // Analysed: what is said of it is about its 10,002 lines, not that it could not be read.
        expect(rules).toContain("interfaces/max-file-lines");
        expect(rules).not.toContain("core/parse-error");
        // Clone detection reads it too (jscpd overflowed its stack on such files): nothing was lost.
        expect(result.warnings).toEqual([]);
      },
    },
    {
      name: "a very long path",
      files: { [`src/${longDir.join("/")}/a-module-with-a-long-name.ts`]: "export const far = 1;\n" },
      adds: { exported: 1, documented: 0 },
      check: (result) => {
        const path = `src/${longDir.join("/")}/a-module-with-a-long-name.ts`;
        expect(path.length).toBeGreaterThan(360);
        expect(result.findings.some((finding) => finding.file === path)).toBe(true);
      },
    },
    {
      name: "file names with spaces and non-ASCII characters",
      files: { "src/with space/naïve ünïcode 名前.ts": "export const named = 1;\n" },
      adds: { exported: 1, documented: 0 },
      check: (result) =>
        expect(
          result.findings
            .filter((finding) => finding.ruleId === "docs/exported-symbol-doc")
            .map((finding) => finding.file),
        ).toContain("src/with space/naïve ünïcode 名前.ts"),
    },
  ])("$name: analysed or skipped with the reason, the rest measured, the repo unchanged", async (entry) => {
    const dir = await baseRepo(entry.files);
    const run = entry.isProcess
      ? scanUnchanged(dir, ["--format", "json"])
      : await scanUnchangedInProcess(dir, ["--format", "json"]);
    expect(run.status).toBe(0);
    const result = resultOf(run);
    expect(docsOf(result)).toMatchObject({
      exportedSymbols: BASE_DOCS.exportedSymbols + entry.adds.exported,
      documentedSymbols: BASE_DOCS.documentedSymbols + entry.adds.documented,
    });
    entry.check(result, messages(run));
  });

  it("a 10 MB minified bundle under a raised size limit is skipped as minified, without being parsed", async () => {
    const dir = await baseRepo({ "src/bundle.js": `var a=0;${"a=a+1;".repeat(1_666_666)}\n` });
    const config = join(await temporaryDir(), "config.json");
    await writeFile(config, JSON.stringify({ maxFileSize: 20_000_000 }));
    const started = Date.now();
    const result = resultOf(await scanUnchangedInProcess(dir, ["--format", "json", "--config", config]));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(skipOf(result, "src/bundle.js")).toEqual({ reason: "minified", detail: "average line over 300 characters" });
    expect(docsOf(result)).toMatchObject({ exportedSymbols: 3, documentedSymbols: 2 });
  });
});

describe("robustness: links", () => {
  async function withLinks(dir: string, outside: string): Promise<void> {
    await writeFile(join(outside, "secret.ts"), "export const secret = 1;\nexport const other = 2;\n");
    symlinkSync("loop-b", join(dir, "src", "loop-a"));
    symlinkSync("loop-a", join(dir, "src", "loop-b"));
    mkdirSync(join(dir, "cycle"));
    symlinkSync("..", join(dir, "cycle", "up"));
    symlinkSync(join(outside, "secret.ts"), join(dir, "src", "outside.ts"));
    symlinkSync(outside, join(dir, "src", "outside-dir"));
  }

  it.each([
    ["in a git repository", true],
    ["in a plain directory", false],
  ])("%s: link loops end, links out of the repository are not followed", async (_case, isGit) => {
    const outside = await temporaryDir();
    const dir = isGit ? await baseRepo() : await temporaryDir();
    if (!isGit) {
      for (const [path, content] of Object.entries(BASE_FILES)) {
        mkdirSync(join(dir, path, ".."), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
    }
    await withLinks(dir, outside);
    if (isGit) commitAll(dir, "links");
    const result = resultOf(await scanUnchangedInProcess(dir, ["--format", "json"], { isGit }));
    // The two exports of the linked-to file are not counted: only the base's three.
    expect(docsOf(result)).toMatchObject(BASE_DOCS);
    const links = result.files.skippedFiles.filter((file) => file.reason === "symlink").map((file) => file.path);
    expect(links).toEqual(["cycle/up", "src/loop-a", "src/loop-b", "src/outside-dir", "src/outside.ts"]);
    expect(result.files.parsed).toBe(2);
  });
});

describe("robustness: unreadable files and directories", () => {
  const isRoot = process.getuid?.() === 0;
  // Root reads everything: run the CLI as `nobody` then (spawn's uid/gid), else as ourselves. A process, for that.
  const user = isRoot ? { uid: 65534, gid: 65534 } : undefined;

  it("an unreadable file and an unreadable directory are named, and the rest is analysed", async () => {
    const dir = await baseRepo({
      "src/locked.ts": "/** Locked. */\nexport const locked = 1;\n",
      "src/private/hidden.ts": "/** Hidden. */\nexport const hidden = 1;\n",
    });
    await writeFile(join(dir, "src", "private", "untracked.ts"), "export const untracked = 1;\n");
    if (user) chownRecursive(dir, user);
    chmodSync(join(dir, "src", "locked.ts"), 0o000);
    chmodSync(join(dir, "src", "private"), 0o000);
    try {
      const run = scanUnchanged(dir, ["--format", "json"], user ? { user } : {});
      expect(run.status).toBe(0);
      const result = resultOf(run);
      expect(skipOf(result, "src/locked.ts")).toEqual({ reason: "unreadable", detail: "EACCES" });
      expect(skipOf(result, "src/private/hidden.ts")).toEqual({ reason: "unreadable", detail: "EACCES" });
      expect(result.warnings).toContain(
        "src/private/: directory could not be read (Permission denied); files under it were not scanned",
      );
      expect(docsOf(result)).toMatchObject(BASE_DOCS);
    } finally {
      chmodSync(join(dir, "src", "private"), 0o755);
      chmodSync(join(dir, "src", "locked.ts"), 0o644);
    }
  });
});

function chownRecursive(path: string, user: { uid: number; gid: number }): void {
  // `chown -R` by hand: the test tree is small.
  chownSync(path, user.uid, user.gid);
  if (!lstatSync(path).isDirectory()) return;
  for (const name of readdirSync(path)) chownRecursive(join(path, name), user);
}

describe("reports written to a pipe or a device", () => {
  // `-o /dev/null` once replaced /dev/null with a regular file (a temporary file renamed over it): a report is
  // written into a pipe or device, never put in its place. A FIFO stands in for the device here.
  it("writes the report into a FIFO and leaves the FIFO in place", async () => {
    const repo = await baseRepo();
    const dir = await temporaryDir("gw-fifo-");
    const fifo = join(dir, "report.json");
    execFileSync("mkfifo", [fifo]);
    const received = new Promise<string>((resolve, reject) => {
      let text = "";
      createReadStream(fifo, "utf8")
        .on("data", (chunk) => (text += String(chunk)))
        .on("end", () => resolve(text))
        .on("error", reject);
    });
    const run = await runCliInProcess(["scan", repo, "-q", "--no-cache", "-f", "json", "-o", fifo], repo);
    expect(run.status).toBe(0);
    const report = JSON.parse(await received) as { files: { parsed: number } };
    expect(report.files.parsed).toBe(2);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});
