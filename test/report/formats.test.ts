import { cp, readFile, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { RULES } from "../../rules/index.js";
import { runCliInProcess } from "../helpers/cli.js";
import { copyFixture, fixturePath, REPO_ROOT } from "../helpers/fixtures.js";
import { commitAll, git, initRepo } from "../helpers/git.js";
import { publicRepositoryUri } from "../../src/report/sarif.js";

// Goldens of fixtures/scan/known-counts outside git, checked by hand: 74.2, level 3; agent file +8.9
// (context +40 × 20/90), each undocumented export +3.1 (docs +18.7 × 15/90), the `any` +1.7, each feedback-loop step +1.3
// (context +6 × 20/90), the long parameter list +0.6 (interfaces +3.3 × 15/90).
const MARKDOWN = fixturePath("reports/known-counts.md");
const GITHUB = fixturePath("reports/known-counts.github.txt");
const NEW_EXPORT =
  '\nexport function cancelOrder(id: number): number {\n  if (id < 0) throw new RangeError("id");\n  return id;\n}\n';

describe("markdown", () => {
  it("prints the fix-it report: score, categories with key figures, fixes ranked and grouped by file", async () => {
    const run = await runCliInProcess(
      ["scan", await copyFixture("scan/known-counts"), "--format", "markdown"],
      REPO_ROOT,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(await readFile(MARKDOWN, "utf8"));
  });

  it("with a baseline, adds the delta: per category, overall, and new, fixed and unchanged findings", async () => {
    const dir = await copyFixture("scan/known-counts");
    const baseline = `${dir}-baseline.json`;
    await runCliInProcess(["scan", dir, "--format", "json", "--output", baseline], REPO_ROOT);
    await appendFile(join(dir, "src/orders.ts"), NEW_EXPORT);
    const run = await runCliInProcess(["scan", ".", "--format", "markdown", "--baseline", baseline], dir);
    const lines = run.stdout.split("\n");
    expect(lines).toContain(`Score -0.5 since \`${baseline}\` · 1 new finding · 0 fixed · 10 unchanged`);
    // interfaces 86.7 → 90 (a fourth typed function), docs 44 → 37.8 (2 of 6 documented: (7×33.3 + 50) / 7.5).
    expect(lines).toContain("| Category | Score | Change | Key figures |");
    expect(lines.find((line) => line.startsWith("| Interface clarity |"))).toMatch(
      /^\| Interface clarity \| 90\.0 \| \+3\.3 \|/,
    );
    expect(lines.find((line) => line.startsWith("| Documentation |"))).toMatch(
      /^\| Documentation \| 37\.8 \| -6\.2 \|/,
    );
    expect(lines.find((line) => line.startsWith("| Duplication |"))).toMatch(/^\| Duplication \| 100\.0 \| ±0\.0 \|/);
    expect(lines.filter((line) => line.endsWith("· **new**"))).toEqual([
      expect.stringMatching(/^- \*\*\+2\.6\*\* line 21 · Exported function 'cancelOrder' has no doc comment/),
    ]);
    // The new finding listed under the comparison, as SonarQube lists new issues: NEW_EXPORT's line 2, column 17.
    const listed = lines.indexOf("**New findings**");
    expect(lines.slice(listed, listed + 4)).toEqual([
      "**New findings**",
      "",
      "- `src/orders.ts:21:17` · `docs/exported-symbol-doc` · warning · Exported function 'cancelOrder' has no doc comment",
      "",
    ]);
  });

  it("in text, lists the new findings under the baseline line", async () => {
    const dir = await copyFixture("scan/known-counts");
    const baseline = `${dir}-baseline.json`;
    await runCliInProcess(["scan", dir, "--format", "json", "--output", baseline], REPO_ROOT);
    await appendFile(join(dir, "src/orders.ts"), NEW_EXPORT);
    const run = await runCliInProcess(["scan", ".", "--baseline", baseline], dir, { COLUMNS: "100" });
    const lines = run.stdout.split("\n");
    const at = lines.findIndex((line) => line.startsWith("Baseline: "));
    expect(lines.slice(at, at + 3)).toEqual([
      `Baseline: score -0.5 since ${baseline} · 1 new finding · 0 fixed · 10 unchanged`,
      "New since the baseline (1):",
      // Wrapped at 100 columns (COLUMNS for a pipe): 98 characters, and " doc" would make 102.
      "  src/orders.ts:21:17  docs/exported-symbol-doc · warning · Exported function 'cancelOrder' has no",
    ]);
    expect(lines[at + 3]).toBe("    doc comment");
  });
});

describe("github", () => {
  it("prints one workflow-command annotation per finding in fix order, then a summary line", async () => {
    const run = await runCliInProcess(
      ["scan", await copyFixture("scan/known-counts"), "--format", "github"],
      REPO_ROOT,
      {
        GITHUB_STEP_SUMMARY: "",
      },
    );
    expect(run.stdout).toBe(await readFile(GITHUB, "utf8"));
  });

  it("escapes what would end a property or a message", async () => {
    const dir = await copyFixture("scan/known-counts");
    await cp(join(dir, "src/orders.ts"), join(dir, "src/a,b:c.ts"));
    const run = await runCliInProcess(["scan", dir, "--format", "github"], REPO_ROOT);
    expect(run.stdout).toContain("::warning file=src/a%2Cb%3Ac.ts,line=11,col=17,title=docs/exported-symbol-doc");
  });

  it("appends the Markdown report to the job summary file, keeping what was there", async () => {
    const dir = await copyFixture("scan/known-counts");
    const summary = `${dir}-summary.md`;
    await writeFile(summary, "# Earlier step\n\n");
    const run = await runCliInProcess(["scan", dir, "--format", "github"], REPO_ROOT, { GITHUB_STEP_SUMMARY: summary });
    expect(run.status).toBe(0);
    expect(await readFile(summary, "utf8")).toBe(`# Earlier step\n\n${await readFile(MARKDOWN, "utf8")}`);
  });

  it("with a baseline, annotates only the new findings", async () => {
    const dir = await copyFixture("scan/known-counts");
    const baseline = `${dir}-baseline.json`;
    await runCliInProcess(["scan", dir, "--format", "json", "--output", baseline], REPO_ROOT);
    await appendFile(join(dir, "src/orders.ts"), NEW_EXPORT);
    const run = await runCliInProcess(["scan", dir, "--format", "github", "--baseline", baseline], REPO_ROOT);
    const annotations = run.stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations).toEqual([expect.stringMatching(/^::warning file=src\/orders\.ts,line=21,col=17,/)]);
    expect(run.stdout).toContain("1 new finding · 0 fixed · 10 unchanged (only new findings annotated)");
  });
});

// The OASIS SARIF 2.1.0 (rtm.5) JSON schema, shipped with the tests.
const sarifSchema = JSON.parse(await readFile(join(REPO_ROOT, "test/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
// The schema's `language` pattern is not valid with the `u` flag, so patterns are compiled without it.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(sarifSchema);

describe("sarif", () => {
  /** A repository with one clone pair (duplication/clone) and one three-file loop (cycles/three-file-loop, under src/loop). */
  let scanned: Promise<Sarif.Log> | undefined;
  function cloneAndCycle(): Promise<Sarif.Log> {
    scanned ??= scanCloneAndCycle();
    return scanned;
  }

  async function scanCloneAndCycle(): Promise<Sarif.Log> {
    const dir = await copyFixture("duplication/clone");
    await cp(fixturePath("cycles/three-file-loop/src"), join(dir, "src/loop"), { recursive: true });
    const run = await runCliInProcess(["scan", dir, "--format", "sarif"], REPO_ROOT);
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout) as Sarif.Log;
  }

  it("validates against the SARIF 2.1.0 schema", async () => {
    const log = await cloneAndCycle();
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does reject a log that breaks the schema.
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: {} }] }] })).toBe(false);
  });

  it("has one rule entry per rule, each with a description and help", async () => {
    const [run] = (await cloneAndCycle()).runs;
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of rules) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.help?.text).toBeTruthy();
    }
  });

  it("keeps --max-results: the top results by rank, then one that says how many were left out, still valid SARIF", async () => {
    const dir = await copyFixture("scan/known-counts");
    const run = await runCliInProcess(["scan", dir, "--format", "sarif", "--max-results", "3"], REPO_ROOT);
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    expect(validate(log)).toBe(true);
    const [sarifRun] = log.runs;
    // known-counts has 10 findings; rank 1 is the agent file (+8.9), rank 2 the first undocumented export (+3.1).
    expect(sarifRun?.results?.map((result) => result.ruleId)).toEqual([
      "context/agent-file",
      "docs/exported-symbol-doc",
      "groundwork/omitted-results",
    ]);
    expect(sarifRun?.results?.at(-1)?.message.text).toBe(
      "8 of 10 findings are not in this file (--max-results keeps the top 2 by rank); `groundwork fixes --by finding` lists them all.",
    );
    expect(sarifRun?.tool.driver.rules?.at(-1)?.id).toBe("groundwork/omitted-results");
    expect(sarifRun?.results?.at(-1)?.ruleIndex).toBe(RULES.length);
    const zero = await runCliInProcess(["scan", dir, "--format", "sarif", "--max-results", "0"], REPO_ROOT);
    expect(zero.status).toBe(2);
  });

  it("embeds each rule's docs page as its help, and names the repository from a public origin remote only", async () => {
    const dir = await copyFixture("scan/known-counts");
    initRepo(dir);
    const commit = commitAll(dir, "one", "2026-01-01T12:00:00Z");
    git(dir, ["remote", "add", "origin", "https://someone:secret@example.com/team/orders.git"]);
    const log = JSON.parse((await runCliInProcess(["scan", dir, "--format", "sarif"], REPO_ROOT)).stdout) as Sarif.Log;
    expect(validate(log)).toBe(true);
    const [run] = log.runs;
    expect(run?.versionControlProvenance).toEqual([
      { repositoryUri: "https://example.com/team/orders", revisionId: commit },
    ]);
    const first = run?.tool.driver.rules?.[0];
    expect(first?.help?.markdown).toBe(await readFile(join(REPO_ROOT, "docs/rules", `${first?.id ?? ""}.md`), "utf8"));
    // A remote that is a path of this machine is never named.
    git(dir, ["remote", "set-url", "origin", dir]);
    const local = JSON.parse(
      (await runCliInProcess(["scan", dir, "--format", "sarif"], REPO_ROOT)).stdout,
    ) as Sarif.Log;
    expect(local.runs[0]?.versionControlProvenance).toBeUndefined();
    expect(JSON.stringify(local)).not.toContain(dir);
  });

  it("turns a git remote into a public repository URI, or none", () => {
    expect(publicRepositoryUri("https://user:token@github.com/owner/repo.git")).toBe("https://github.com/owner/repo");
    expect(publicRepositoryUri("git@github.com:owner/repo.git")).toBe("https://github.com/owner/repo");
    expect(publicRepositoryUri("ssh://git@gitlab.example.com/group/repo.git\n")).toBe(
      "https://gitlab.example.com/group/repo",
    );
    expect(publicRepositoryUri("/srv/mirrors/repo")).toBeNull();
    expect(publicRepositoryUri("file:///srv/mirrors/repo")).toBeNull();
    expect(publicRepositoryUri("../sibling")).toBeNull();
  });

  it("holds no path of the machine that ran the scan: no file:// URI, not the scanned folder, not the package", async () => {
    const text = JSON.stringify(await cloneAndCycle());
    expect(text).not.toContain("file://");
    expect(text).not.toContain(REPO_ROOT);
    expect(text).not.toContain(tmpdir());
    expect(text).toContain('"uriBaseId":"SRCROOT"');
  });

  it("gives each rule a helpUri only under a configured docs address: config report.docsUrl, or --docs-url over it", async () => {
    const helpUris = (log: Sarif.Log) => log.runs[0]?.tool.driver.rules?.map((rule) => rule.helpUri) ?? [];
    expect(new Set(helpUris(await cloneAndCycle()))).toEqual(new Set([undefined]));
    const dir = await copyFixture("scan/known-counts");
    const base = "https://github.com/team/groundwork/tree/v0.1.0/docs/rules";
    await writeFile(join(dir, "groundwork.config.json"), JSON.stringify({ report: { docsUrl: base } }));
    const configured = JSON.parse(
      (await runCliInProcess(["scan", dir, "--format", "sarif"], REPO_ROOT)).stdout,
    ) as Sarif.Log;
    expect(validate(configured)).toBe(true);
    const cycle = configured.runs[0]?.tool.driver.rules?.find((rule) => rule.id === "cycles/import-cycle");
    expect(cycle?.helpUri).toBe(`${base}/cycles/import-cycle.md`);
    expect(helpUris(configured).every((uri) => uri?.startsWith(`${base}/`) && uri.endsWith(".md"))).toBe(true);
    const flagged = await runCliInProcess(
      ["scan", dir, "--format", "sarif", "--docs-url", "https://docs.example.com/rules/"],
      REPO_ROOT,
    );
    expect(
      (JSON.parse(flagged.stdout) as Sarif.Log).runs[0]?.tool.driver.rules?.find(
        (rule) => rule.id === "cycles/import-cycle",
      )?.helpUri,
    ).toBe("https://docs.example.com/rules/cycles/import-cycle.md");
    // Not an address of the web: a usage error naming the option, and a config error naming the key.
    const local = await runCliInProcess(
      ["scan", dir, "--format", "sarif", "--docs-url", "file:///srv/docs"],
      REPO_ROOT,
    );
    expect(local.status).toBe(2);
    expect(local.stderr).toContain("--docs-url");
    await writeFile(join(dir, "groundwork.config.json"), JSON.stringify({ report: { docsUrl: "docs/rules" } }));
    const bad = await runCliInProcess(["scan", dir, "--format", "sarif"], REPO_ROOT);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("report.docsUrl");
  });

  it("gives every result its fingerprint and the clone pair and the cycle their related locations", async () => {
    const [run] = (await cloneAndCycle()).runs;
    const results = run?.results ?? [];
    for (const result of results) expect(result.partialFingerprints?.["groundwork/v1"]).toMatch(/^[0-9a-f]{16}$/);
    const related = (ruleId: string) =>
      results
        .filter((result) => result.ruleId === ruleId)
        .map((result) => ({
          at: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
          related: result.relatedLocations?.map((entry) => entry.physicalLocation?.artifactLocation?.uri),
        }));
    expect(related("duplication/clone")).toEqual([
      { at: "src/pricing/discounts.ts", related: ["src/pricing/taxes.ts"] },
    ]);
    // The clone's regions span its lines (4-17 in both copies), not its first line alone.
    const clone = results.find((result) => result.ruleId === "duplication/clone");
    expect(clone?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 4, startColumn: 1, endLine: 17 });
    expect(clone?.relatedLocations?.[0]?.physicalLocation?.region).toEqual({
      startLine: 4,
      startColumn: 1,
      endLine: 17,
    });
    // customers → orders → invoices → customers; the suggested cut is in customers.ts.
    expect(related("cycles/import-cycle")).toEqual([
      { at: "src/loop/customers.ts", related: ["src/loop/orders.ts", "src/loop/invoices.ts"] },
    ]);
  });
});
