import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/contract/result.js";
import { runCli, runCliInProcess } from "../helpers/cli.js";
import { copyFixture, REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { commitAll, git, initRepo, writeFiles } from "../helpers/git.js";

let repo: string;
let head: string;

beforeAll(async () => {
  repo = await copyFixture("scan/known-counts");
  initRepo(repo);
  head = commitAll(repo, "known counts");
});

function parseResult(stdout: string): ScanResult {
  const parsed: ScanResult = JSON.parse(stdout);
  return parsed;
}

describe("groundwork scan --format json", () => {
  // End to end, as a process (the built CLI, its worker threads).
  it("prints a ScanResult that validates against the shipped JSON Schema", async () => {
    const run = runCli(["scan", repo, "--format", "json"], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const schema: object = JSON.parse(await readFile(join(REPO_ROOT, "schema/scan-result.schema.json"), "utf8"));
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const result: unknown = JSON.parse(run.stdout);
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(result)).toBe(true);
  });

  it("reports the fixture's hand-counted figures", async () => {
    const result = parseResult((await runCliInProcess(["scan", repo, "--format", "json"], REPO_ROOT)).stdout);
    expect(result).toMatchObject({
      schemaVersion: 1,
      scoringModel: "6",
      tool: { name: "groundwork" },
      root: repo,
      commit: head,
      score: 76.8,
    });
    expect(result.level).toMatchObject({ rank: 3, name: "Workable" });
    const interfaces = result.categories.find((category) => category.id === "interfaces");
    expect(interfaces?.metrics).toMatchObject({
      sourceFiles: 1,
      exportedFunctions: 3,
      explicitReturnType: 3,
      anyInSignature: 1,
      tooManyParameters: 1,
    });
    const docs = result.categories.find((category) => category.id === "docs");
    expect(docs?.metrics).toMatchObject({
      exportedSymbols: 5,
      documentedSymbols: 2,
      readme: "README.md",
      readmeHasUsage: true,
      readmeHasDevelopment: true,
    });
    // Hotspots: one commit touched orders.ts, which is undocumented (3 of 5 exports), but a file changed in
    // fewer than 3 commits is no hotspot: 100. Context 36 (see test/score/score.test.ts).
    // Docs (7×40 + 0.5×100) / 7.5 = 44. Overall (1300 + 660 + 2000 + 1000 + 1000 + 1000 + 720) / 100 = 76.8.
    expect(result.categories.map((category) => [category.id, category.score])).toEqual([
      ["interfaces", 86.7],
      ["docs", 44],
      ["tests", 100],
      ["cycles", 100],
      ["duplication", 100],
      ["hotspots", 100],
      ["context", 36],
    ]);
    expect(result.files).toMatchObject({
      listedBy: "git",
      total: 4,
      parsed: 2,
      byKind: { config: 1, docs: 1, source: 1, test: 1 },
      skipped: {},
    });
    // The test file's untyped `any` helper is not an exported API: only src/orders.ts has findings.
    expect(
      result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`),
    ).toEqual([
      "context/feedback-loop .github/workflows/ci.yml:1:1",
      "context/agent-file AGENTS.md:1:1",
      "context/feedback-loop package.json:1:1",
      "context/feedback-loop package.json:5:1",
      "context/feedback-loop package.json:5:1",
      "interfaces/no-any-in-signature src/orders.ts:7:47",
      "docs/exported-symbol-doc src/orders.ts:11:17",
      "interfaces/max-params src/orders.ts:11:17",
      "docs/exported-symbol-doc src/orders.ts:15:14",
      "docs/exported-symbol-doc src/orders.ts:17:18",
    ]);
  });

  it("gives every finding a fix and a fingerprint, and the same output twice", async () => {
    const first = (await runCliInProcess(["scan", repo, "--format", "json"], REPO_ROOT)).stdout;
    const second = (await runCliInProcess(["scan", repo, "--format", "json"], REPO_ROOT)).stdout;
    expect(second).toBe(first);
    for (const finding of parseResult(first).findings) {
      expect(finding.fix.length).toBeGreaterThan(20);
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    }
  });
});

describe("groundwork scan (text)", () => {
  it("prints the score, level, category table and findings, without colour when not a terminal", async () => {
    // Without the cache: earlier tests scanned this repository, and the files line would say so. 100 columns, as
    // COLUMNS says for a pipe.
    const run = await runCliInProcess(["scan", "--no-cache"], repo, { COLUMNS: "100" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Readiness 76.8/100 · level 3 Workable");
    expect(run.stdout).toContain("Next: level 4 Ready needs docs 44 → 50, context 36 → 50");
    expect(run.stdout).toMatch(
      /Interface clarity\s+│\s+86\.7 │\s+15 │ 3\/3 exported functions with return types · 1 with any/,
    );
    expect(run.stdout).toMatch(
      /Documentation\s+│\s+44\.0 │\s+15 │ 2\/5 exported symbols documented · README\.md complete/,
    );
    expect(run.stdout).toMatch(/Test coverage\s+│\s+100\.0 │\s+20 │ 1\/1 files imported by tests · 0 more reached/);
    expect(run.stdout).toMatch(/Churn hotspots\s+│\s+100\.0 │\s+10 │ 1 commit since 2025-01-01 · top src\/orders\.ts/);
    expect(run.stdout).toMatch(/Dependency cycles\s+│\s+100\.0 │\s+10 │ no import cycles/);
    expect(run.stdout).toMatch(/Duplication\s+│\s+100\.0 │\s+10 │ 0% of source lines duplicated \(0\/19\) · 0 clones/);
    expect(run.stdout).toContain("Findings (10)");
    expect(run.stdout).toContain("src/orders.ts:7:47");
    expect(run.stdout).toContain(
      "Files: 4 listed by git (1 config, 1 docs, 1 source, 1 test); 2 parsed; none skipped.",
    );
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("limits the listed findings with --top", async () => {
    const run = await runCliInProcess(["scan", "--top", "2"], repo);
    expect(run.stdout).toContain("Top findings (2 of 10, by score gain)");
    expect(run.stdout).toContain("groundwork fixes --top 10 lists all 10 findings, ranked.");
  });
});

describe("groundwork scan (text): an import cycle of many files", () => {
  // src/m1.ts → … → src/m20.ts → src/m1.ts, and src/x1.ts, src/x2.ts in the same group (each imports m1, and m1 both).
  it("shows its size, two files at each end of the loop and the cut, not every file; JSON keeps them all", async () => {
    const dir = await temporaryDir();
    const files: Record<string, string> = { "package.json": '{ "name": "ring", "type": "module" }\n' };
    for (let index = 1; index <= 20; index += 1) {
      const next = (index % 20) + 1;
      const extra = index === 1 ? 'import { x1 } from "./x1.js";\nimport { x2 } from "./x2.js";\n' : "";
      const call = index === 1 ? " + x1() + x2()" : "";
      files[`src/m${index}.ts`] =
        `import { f${next} } from "./m${next}.js";\n${extra}/** Step ${index}. */\nexport function f${index}(n: number): number {\n  return n > 0 ? f${next}(n - 1)${call} : 0;\n}\n`;
    }
    for (const name of ["x1", "x2"])
      files[`src/${name}.ts`] =
        `import { f1 } from "./m1.js";\n/** Side ${name}. */\nexport function ${name}(): number {\n  return f1(0);\n}\n`;
    await writeFiles(dir, files);
    initRepo(dir);
    commitAll(dir, "ring");
    const text = (await runCliInProcess(["scan", dir, "--no-cache", "--top", "3"], REPO_ROOT, { COLUMNS: "160" }))
      .stdout;
    const message = text
      .split("\n")
      .filter((line) => line.includes("│"))
      .map((line) => line.split("│")[3]?.trim() ?? "")
      .join(" ");
    expect(message).toContain(
      "Import cycle of 22 files: src/m1.ts → src/m2.ts → … 17 more → src/m20.ts → src/m1.ts fix: Cut the import of",
    );
    expect(text).not.toContain("src/m10.ts →");
    expect(text).not.toContain("the same group also holds");
    const json = parseResult((await runCliInProcess(["scan", dir, "--no-cache", "-f", "json"], REPO_ROOT)).stdout);
    const cycle = json.findings.find((finding) => finding.ruleId === "cycles/import-cycle");
    expect(cycle?.message).toContain("src/m10.ts → src/m11.ts");
    expect(cycle?.message).toContain("(the same group also holds src/x1.ts, src/x2.ts)");
  });
});

describe("output, config and timing options", () => {
  it("writes the report to --output and nothing to stdout", async () => {
    const out = join(repo, "..", `${head.slice(0, 8)}-report.json`);
    const run = await runCliInProcess(["scan", repo, "--format", "json", "--output", out], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`groundwork: wrote json report to ${out}\n`);
    expect(parseResult(await readFile(out, "utf8")).score).toBe(76.8);
  });

  it("reads --config from the given path", async () => {
    const configPath = join(repo, "..", `${head.slice(0, 8)}-config.json`);
    await writeFile(configPath, JSON.stringify({ rules: { "interfaces/max-params": { options: { max: 6 } } } }));
    const result = parseResult(
      (await runCliInProcess(["scan", repo, "--format", "json", "--config", configPath], REPO_ROOT)).stdout,
    );
    expect(result.findings.some((finding) => finding.ruleId === "interfaces/max-params")).toBe(false);
    expect(result.scoringModel).toMatch(/^6\+custom\.[0-9a-f]{8}$/);
  });

  it("reads groundwork.config.json at the scanned root by default", async () => {
    const dir = await copyFixture("scan/known-counts");
    await writeFile(join(dir, "groundwork.config.json"), JSON.stringify({ categories: { docs: { enabled: false } } }));
    const result = parseResult((await runCliInProcess(["scan", dir, "--format", "json"], REPO_ROOT)).stdout);
    expect(result.categories.find((category) => category.id === "docs")).toMatchObject({
      score: null,
      reason: "disabled in config",
    });
    expect(result.score).toBe(80.3);
  });

  it("prints per-stage times to stderr with --timing", async () => {
    const run = await runCliInProcess(["scan", "--timing", "--format", "json"], repo);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^timing: config \d+ ms · cache read \d+ ms · discover \d+ ms · .+ · cache write \d+ ms · rules \d+ ms · score \d+ ms · report \d+ ms · total \d+ ms\n$/,
    );
    for (const stage of ["parse", "graph", "clones \\(parallel\\)", "clones wait"]) {
      expect(run.stderr).toMatch(new RegExp(` · ${stage} \\d+ ms · `));
    }
    expect(parseResult(run.stdout).score).toBe(76.8);
  });

  it("leaves the scanned repository exactly as it was", async () => {
    const before = await snapshot(repo);
    await runCliInProcess(["scan", "--format", "json"], repo);
    await runCliInProcess(["scan"], repo);
    expect(await snapshot(repo)).toEqual(before);
    expect(git(repo, ["status", "--porcelain"])).toBe("");
  });
});

describe("usage and input errors exit 2 with one line naming what and where", () => {
  it.each([
    [["scan", "no-such-dir"], "groundwork: error: no-such-dir: no such directory\n"],
    [
      ["scan", "README.md"],
      "groundwork: error: README.md: not a directory (give the repository's directory, not a file)\n",
    ],
    [
      ["scan", "--format", "xml"],
      "groundwork: error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, markdown, sarif, github, html.\n",
    ],
    [["scan", "--bogus"], "groundwork: error: unknown option '--bogus'\n"],
    [["frobnicate"], "groundwork: error: unknown command 'frobnicate'\n"],
    [
      ["scan", "--top", "ten"],
      "groundwork: error: option '--top <n>' argument 'ten' is invalid. expected a whole number, 0 or more.\n",
    ],
    [
      ["scan", "--output", "no-such-dir/report.txt"],
      "groundwork: error: cannot write no-such-dir/report.txt: its directory does not exist\n",
    ],
  ])("%j", async (args, message) => {
    const run = await runCliInProcess(args, repo);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(message);
  });

  // The config's messages name its file relative to the run's working directory.
  it.each([[["scan", "--config", "missing.json"], "groundwork: error: config file missing.json: no such file\n"]])(
    "%j",
    async (args, message) => {
      const run = await runCliInProcess(args, repo);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(message);
    },
  );

  it("rejects an invalid config at the scanned root, naming the key path", async () => {
    const dir = await copyFixture("scan/known-counts");
    await writeFile(
      join(dir, "groundwork.config.json"),
      JSON.stringify({ rules: { "interfaces/max-params": { options: { max: "five" } } } }),
    );
    const run = await runCliInProcess(["scan", "."], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'groundwork: error: groundwork.config.json: rules.interfaces/max-params.options.max: expected number, got "five"\n',
    );
  });

  it("prints help to stderr and exits 2 without a command", async () => {
    const run = await runCliInProcess([], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: groundwork [options] [command]");
  });
});

describe("help and version", () => {
  it("--version prints the package version and exits 0", async () => {
    const pkg: { version: string } = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8"));
    const run = await runCliInProcess(["--version"], repo);
    expect(run).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("scan --help lists the options and exits 0", async () => {
    const run = await runCliInProcess(["scan", "--help"], repo);
    expect(run.status).toBe(0);
    for (const option of ["--format", "--output", "--config", "--timing", "--top", "--no-color"])
      expect(run.stdout).toContain(option);
  });
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes[path.slice(dir.length)] = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  }
  return hashes;
}

describe("without git on PATH", () => {
  // A process: git is looked up on the PATH of the process, not of the environment the CLI is given.
  it("lists files from the filesystem, says why hotspots are not applicable, and still scores the rest", async () => {
    const dir = await copyFixture("scan/known-counts");
    const run = runCli(["scan", dir, "--format", "json"], REPO_ROOT, { PATH: "/nonexistent" });
    expect(run.status).toBe(0);
    const result = parseResult(run.stdout);
    expect(result.files.listedBy).toBe("filesystem");
    expect(result.warnings).toContain(
      "git was not found on PATH; files were listed from the filesystem (.gitignore honoured) and no commit is recorded",
    );
    expect(result.categories.find((category) => category.id === "hotspots")).toMatchObject({
      score: null,
      reason: "git was not found on PATH",
    });
    // As test/score/score.test.ts counts it without hotspots: 6680 / 90 = 74.2.
    expect(result.score).toBe(74.2);
  });
});
