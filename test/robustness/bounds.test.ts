/**
 * Robustness: every read and every match has a bound. .gitignore patterns are
 * held to the cost bound of config globs (the filesystem walk applies them
 * with the `ignore` package, which backtracks on `**`), the walk stops at a
 * depth, and each file is read only up to its kind's limit, only when it is
 * a regular file, and a link only when it stays inside the repository.
 */
import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeReadProblem, readBounded, readBoundedText, readGivenFile, readGivenText } from "../../src/read.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll } from "../helpers/git.js";
import {
  BASE_DOCS,
  BASE_FILES,
  baseRepo,
  changesDuringAsync,
  docsOf,
  expectError,
  messages,
  resultOf,
} from "./harness.js";
import { runCliBounded, scanBounded } from "./bounded-run.js";

const MiB = 1024 * 1024;

/** The base files in a folder outside git, plus `extra`: listed by the filesystem walk, which applies .gitignore. */
async function plainFolder(extra: Readonly<Record<string, string>>): Promise<string> {
  const dir = await temporaryDir("gw-robust-");
  for (const [path, text] of Object.entries({ ...BASE_FILES, ...extra })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** Listed files of a JSON result: parsed sources, by path. */
function sourcePaths(run: { stdout: string }): string[] {
  const result: { files: { scopes: Array<{ kind: string; files: string[] }> } } = JSON.parse(run.stdout);
  return result.files.scopes.flatMap((scope) => scope.files).sort();
}

// The cases are independent, and each is a process waiting on its own: they run side by side.
describe.concurrent("robustness: .gitignore patterns outside git", () => {
  it("adjacent ** are merged (they hung the walk for minutes): the pattern still applies, quickly", async () => {
    // Twelve adjacent "**" over a 40-folder path: the old walk did not finish.
    const deep = `x/${Array.from({ length: 40 }, () => "d").join("/")}`;
    const dir = await plainFolder({
      ".gitignore": `x/${Array.from({ length: 12 }, () => "**").join("/")}/never.ts\n`,
      [`${deep}/kept.ts`]: "export const kept = 1;\n",
      [`${deep}/never.ts`]: "export const never = 1;\n",
    });
    const run = await scanBounded(dir, ["--format", "json"], { isGit: false });
    expect(run.status).toBe(0);
    expect(sourcePaths(run)).toEqual(["src/math.ts", "src/text.ts", `${deep}/kept.ts`]);
    expect(messages(run)).toEqual([]);
  }, 40_000);

  it("a pattern over the cost bound is not applied, with a warning naming the line; the others still are", async () => {
    const dir = await plainFolder({
      ".gitignore": "*.gen.ts\n*a*a*a*a*b.ts\nsrc/**/*a*/**/*a*/**/b.ts\n",
      "src/aaaab.ts": "export const listed = 1;\n",
      "src/made.gen.ts": "export const generated = 1;\n",
    });
    const run = await scanBounded(dir, ["--format", "json"], { isGit: false });
    expect(run.status).toBe(0);
    expect(sourcePaths(run)).toEqual(["src/aaaab.ts", "src/math.ts", "src/text.ts"]);
    expect(messages(run)).toEqual([
      'groundwork: warning: .gitignore:2: pattern "*a*a*a*a*b.ts" is not applied: more than 3 "*" in one path segment ("*a*a*a*a*b.ts") can take minutes to match a long file name; use fewer wildcards',
      'groundwork: warning: .gitignore:3: pattern "src/**/*a*/**/*a*/**/b.ts" is not applied: more than 2 "**" beside other wildcards can take minutes to match a deep path; use fewer "**"',
    ]);
  }, 40_000);

  it("a .gitignore that is a FIFO is not opened: skipped as not regular, and nothing is ignored by it", async () => {
    const dir = await plainFolder({ "src/made.gen.ts": "export const generated = 1;\n" });
    execFileSync("mkfifo", [join(dir, ".gitignore")]);
    const run = await scanBounded(dir, ["--format", "json"], { isGit: false });
    expect(run.status).toBe(0);
    expect(resultOf(run).files.skippedFiles).toEqual([{ path: ".gitignore", reason: "not-regular", detail: "a FIFO" }]);
    expect(sourcePaths(run)).toEqual(["src/made.gen.ts", "src/math.ts", "src/text.ts"]);
  }, 40_000);

  it("the walk descends 64 folders and says where it stopped; a file 64 folders deep is still listed", async () => {
    const at = (depth: number) => Array.from({ length: depth }, () => "d").join("/");
    const dir = await plainFolder({
      [`${at(63)}/listed.ts`]: "export const listed = 1;\n",
      [`${at(70)}/unlisted.ts`]: "export const unlisted = 1;\n",
    });
    const run = await scanBounded(dir, ["--format", "json"], { isGit: false });
    expect(run.status).toBe(0);
    expect(sourcePaths(run)).toEqual([`${at(63)}/listed.ts`, "src/math.ts", "src/text.ts"]);
    expect(messages(run)).toEqual([
      `groundwork: warning: ${at(64)}/: folders are walked 64 levels deep; what is below this one was not listed (git lists it: scan a git checkout)`,
    ]);
  }, 40_000);
});

// The cases are independent, and each is a process waiting on its own: they run side by side.
describe.concurrent("robustness: config globs", () => {
  it("more than two ** beside other wildcards is a config error naming the key; literal segments between are fine", async () => {
    const repo = await baseRepo();
    const config = join(await temporaryDir(), "config.json");
    await writeFile(config, JSON.stringify({ ignore: ["**/fixtures/**/generated/**", "**/*a*/**/*a*/**/b.ts"] }));
    const run = await runCliBounded(["scan", repo, "--no-cache", "--config", config], repo);
    expectError(run, `${config}: ignore[1]: more than 2 "**" beside other wildcards`);
  }, 40_000);
});

// The cases are independent, and each is a process waiting on its own: they run side by side.
describe.concurrent("robustness: size bounds and links out of the repository", () => {
  it("a tsconfig.json over 1 MiB is not read: a warning with its size, default options", async () => {
    const padding = " ".repeat(1.5 * MiB);
    const tsconfig = `{${padding}"compilerOptions": { "strict": true }}\n`;
    const repo = await baseRepo({
      "tsconfig.json": tsconfig,
      "src/main.ts": 'import { add } from "./math.js";\n\nconsole.log(add(1, 2));\n',
    });
    const run = await scanBounded(repo);
    expect(run.status).toBe(0);
    expect(messages(run)).toContain(
      `groundwork: warning: tsconfig.json: cannot be read (it is larger than 1 MiB (${Buffer.byteLength(tsconfig)} bytes)); resolving its imports with default options`,
    );
    expect(docsOf(resultOf(run))).toMatchObject(BASE_DOCS);
  }, 40_000);

  it("a coverage report linked to a file outside the repository is not read, and the file is untouched", async () => {
    const victim = await temporaryDir();
    await writeFile(join(victim, "lcov.info"), "SF:src/math.ts\nDA:2,1\nDA:6,1\nend_of_record\n");
    const repo = await baseRepo();
    await mkdir(join(repo, "coverage"));
    await symlink(join(victim, "lcov.info"), join(repo, "coverage/lcov.info"));
    let run = { status: null as number | null, stdout: "", stderr: "", timedOut: false };
    const outside = await changesDuringAsync(victim, false, async () => {
      run = await scanBounded(repo);
    });
    expect(outside).toEqual([]);
    expect(run.status).toBe(0);
    const findings = resultOf(run).findings.filter((finding) => finding.ruleId === "tests/coverage-report");
    expect(findings.map((finding) => finding.message)).toEqual([
      `The coverage report coverage/lcov.info cannot be read: it leads outside the repository, to ${realpathSync(join(victim, "lcov.info"))}; tests were mapped from imports instead`,
    ]);
  }, 40_000);

  it("a committed groundwork.config.json linked outside the repository is exit 2 naming it", async () => {
    const victim = await temporaryDir();
    await writeFile(join(victim, "config.json"), JSON.stringify({ categories: { docs: { enabled: false } } }));
    const repo = await baseRepo();
    await symlink(join(victim, "config.json"), join(repo, "groundwork.config.json"));
    commitAll(repo, "config");
    const run = await scanBounded(repo);
    expectError(
      run,
      `groundwork.config.json: leads outside the repository, to ${realpathSync(join(victim, "config.json"))}`,
    );
  }, 40_000);

  it("report on a result over 256 MiB (a sparse file) is exit 2 with its size, not read", async () => {
    const dir = await temporaryDir();
    const size = 300 * MiB;
    execFileSync("truncate", ["-s", String(size), join(dir, "result.json")]);
    const run = await runCliBounded(["report", "result.json"], dir);
    expect(run.timedOut).toBe(false);
    expectError(run, `result result.json: is larger than 256 MiB (${size} bytes)`);
  }, 40_000);
});

describe("the safe reader", () => {
  async function tree(): Promise<{ root: string; outside: string }> {
    const root = await temporaryDir("gw-read-");
    const outside = await temporaryDir("gw-outside-");
    await writeFile(join(root, "small.txt"), "twelve bytes");
    await writeFile(join(outside, "secret.txt"), "outside\n");
    await mkdir(join(root, "folder"));
    execFileSync("mkfifo", [join(root, "pipe")]);
    await symlink("small.txt", join(root, "inside-link"));
    await symlink(join(outside, "secret.txt"), join(root, "outside-link"));
    await symlink(outside, join(root, "outside-folder"));
    await symlink("nothing-here", join(root, "broken-link"));
    return { root, outside };
  }

  it("reads a regular file, or a link to one, inside the repository", async () => {
    const { root } = await tree();
    expect(readBoundedText(root, "small.txt", 12)).toEqual({ ok: true, text: "twelve bytes" });
    expect(readBoundedText(root, "inside-link", 12)).toEqual({ ok: true, text: "twelve bytes" });
  });

  it("says why it does not read: missing, not regular, outside, too large", async () => {
    const { root, outside } = await tree();
    // The target as the system resolves it (the temporary folder may itself be reached through a link).
    const secret = realpathSync(join(outside, "secret.txt"));
    expect(readBounded(root, "absent.txt", 10)).toEqual({ ok: false, reason: "missing" });
    expect(readBounded(root, "pipe", 10)).toEqual({ ok: false, reason: "not-regular", type: "a FIFO" });
    expect(readBounded(root, "folder", 10)).toEqual({ ok: false, reason: "not-regular", type: "a directory" });
    expect(readBounded(root, "broken-link", 10)).toEqual({ ok: false, reason: "not-regular", type: "a broken link" });
    expect(readBounded(root, "outside-link", 10)).toEqual({ ok: false, reason: "outside", target: secret });
    // A folder of the path that is a link out of the repository counts as much as the file's own link.
    expect(readBounded(root, "outside-folder/secret.txt", 10)).toEqual({
      ok: false,
      reason: "outside",
      target: secret,
    });
    expect(readBounded(root, "../x", 10)).toMatchObject({ ok: false, reason: "outside" });
    expect(readBounded(root, "small.txt", 11)).toEqual({ ok: false, reason: "too-large", size: 12, limit: 11 });
  });

  it("follows links out only when allowed, and a given file wherever it leads, if regular", async () => {
    const { root, outside } = await tree();
    expect(readBoundedText(root, "outside-link", 10, { isOutsideAllowed: true })).toEqual({
      ok: true,
      text: "outside\n",
    });
    expect(readGivenText(join(root, "outside-link"), 10)).toEqual({ ok: true, text: "outside\n" });
    expect(readGivenFile(join(root, "pipe"), 10)).toEqual({ ok: false, reason: "not-regular", type: "a FIFO" });
    expect(readGivenFile(join(outside, "absent"), 10)).toEqual({ ok: false, reason: "missing" });
  });

  it("puts each reason in words", () => {
    expect(describeReadProblem({ reason: "missing" })).toBe("no such file");
    expect(describeReadProblem({ reason: "not-regular", type: "a FIFO" })).toBe("is a FIFO, not a regular file");
    expect(describeReadProblem({ reason: "outside", target: "/dev/zero" })).toBe(
      "leads outside the repository, to /dev/zero",
    );
    expect(describeReadProblem({ reason: "too-large", size: 2 * MiB, limit: MiB })).toBe(
      "is larger than 1 MiB (2097152 bytes)",
    );
    expect(describeReadProblem({ reason: "unreadable", code: "EACCES" })).toBe("cannot be read (EACCES)");
  });
});
