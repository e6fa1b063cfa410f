import { appendFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../rules/index.js";
import { runCliInProcess } from "../helpers/cli.js";
import { copyFixture, fixturePath, REPO_ROOT } from "../helpers/fixtures.js";

// fixtures/scan/known-counts outside git has 10 findings; the agent file (+8.9) comes first, then the three
// undocumented exports (+2.6 each, trivial) in file order.
describe("groundwork fixes", () => {
  it("prints the ranked fixes, --top of them, and counts the rest", async () => {
    const run = await runCliInProcess(
      ["fixes", await copyFixture("scan/known-counts"), "--by", "finding", "--top", "3"],
      REPO_ROOT,
    );
    expect(run.status).toBe(0);
    const heads = run.stdout.split("\n").filter((line) => /^\s+\d+\. /.test(line));
    expect(heads).toEqual([
      "  1. +8.9   AGENTS.md:1:1  The repository has no agent context file (AGENTS.md, CLAUDE.md, …)",
      "  2. +3.1   src/orders.ts:11:17  Exported function 'createOrder' has no doc comment",
      "  3. +3.1   src/orders.ts:15:14  Exported variable 'MAX_ORDERS' has no doc comment",
    ]);
    expect(run.stdout).toContain("[docs/exported-symbol-doc · trivial]");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("…and 7 more (--top 10 lists them all).");
  });

  it("prints them as JSON in rank order, gains never rising", async () => {
    const run = await runCliInProcess(
      ["fixes", await copyFixture("scan/known-counts"), "--by", "finding", "--format", "json"],
      REPO_ROOT,
    );
    const fixes = JSON.parse(run.stdout) as Array<{ rank: number; gain: number; ruleId: string }>;
    expect(fixes.map((fix) => fix.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(fixes.map((fix) => fix.gain)).toEqual([8.89, 3.11, 3.11, 3.11, 1.67, 1.33, 1.33, 1.33, 1.33, 0.56]);
  });

  // By hand: the 3 undocumented exports of src/ are one action, 3 × 3.11 = +9.33; the agent file +8.89; the 4
  // missing feedback-loop steps one repository action, 4 × 1.33 = +5.33; the `any` +1.67; the parameters +0.56.
  it("prints the fix plan by default: actions with their rule, effort and first locations", async () => {
    const run = await runCliInProcess(["fixes", await copyFixture("scan/known-counts"), "--top", "3"], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")).toEqual([
      "  1. +9.3   Document 3 exported symbols in src",
      "            docs/exported-symbol-doc · trivial · 3 findings: src/orders.ts:11:17,",
      "            src/orders.ts:15:14, src/orders.ts:17:18",
      "  2. +8.9   Set up the agent context file AGENTS.md",
      "            context/agent-file · small · 1 finding: AGENTS.md:1:1",
      "  3. +5.3   Close 4 gaps in the feedback loop of the repository",
      // Four findings at three places: the lint and type-check steps are both missing at package.json's scripts.
      "            context/feedback-loop · small · 4 findings: .github/workflows/ci.yml:1:1,",
      "            package.json:1:1, package.json:5:1",
      "…and 2 more (--top 5 lists them all).",
      "",
    ]);
  });

  it("prints the plan as JSON: the ScanResult's actions in rank order", async () => {
    const run = await runCliInProcess(["fixes", await copyFixture("scan/known-counts"), "--format", "json"], REPO_ROOT);
    const actions = JSON.parse(run.stdout) as Array<{ rank: number; gain: number; id: string; findings: string[] }>;
    expect(actions.map((action) => [action.rank, action.id, action.gain, action.findings.length])).toEqual([
      [1, "docs/exported-symbol-doc@folder:src", 9.33, 3],
      [2, "context/agent-file@file:AGENTS.md#" + (actions[1]?.findings[0] ?? ""), 8.89, 1],
      [3, "context/feedback-loop@repository:.", 5.33, 4],
      [4, "interfaces/no-any-in-signature@folder:src", 1.67, 1],
      [5, "interfaces/max-params@folder:src", 0.56, 1],
    ]);
  });

  it("writes the list to a file with -o, the same text as on stdout", async () => {
    const dir = await copyFixture("scan/known-counts");
    const printed = await runCliInProcess(["fixes", dir, "--by", "finding"], REPO_ROOT);
    const written = await runCliInProcess(["fixes", dir, "--by", "finding", "-o", `${dir}-fixes.txt`], REPO_ROOT);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe("");
    expect(written.stderr).toBe(`groundwork: wrote the fix list to ${dir}-fixes.txt\n`);
    expect(await readFile(`${dir}-fixes.txt`, "utf8")).toBe(printed.stdout);
    expect(printed.stdout.split("\n")[0]).toBe(
      "  1. +8.9   AGENTS.md:1:1  The repository has no agent context file (AGENTS.md, CLAUDE.md, …)",
    );
  });

  it("rejects a missing directory with exit 2", async () => {
    const run = await runCliInProcess(["fixes", "no/such/dir"], REPO_ROOT);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^groundwork: error: .*no\/such\/dir.*\n$/);
  });
});

describe("groundwork rules", () => {
  it("lists every rule with its category, default severity and description", async () => {
    const run = await runCliInProcess(["rules", "--format", "json"], REPO_ROOT);
    expect(run.status).toBe(0);
    const listed = JSON.parse(run.stdout) as Array<{
      id: string;
      category: string;
      severity: string;
      description: string;
    }>;
    expect(listed.map((rule) => [rule.id, rule.category, rule.severity])).toEqual(
      RULES.map((rule) => [rule.id, rule.category, rule.severity]),
    );
    for (const rule of listed) expect(rule.description.length).toBeGreaterThan(20);
  });

  it("draws them as a table", async () => {
    const run = await runCliInProcess(["rules"], REPO_ROOT);
    for (const rule of RULES) expect(run.stdout).toContain(rule.id);
    expect(run.stdout).toMatch(/│ interfaces\/max-params\s+│ interfaces\s+│ warning\s+│/);
  });
});

describe("groundwork explain", () => {
  it("prints a rule's docs: why an agent cares, failing and passing code, options", async () => {
    const run = await runCliInProcess(["explain", "interfaces/max-params"], REPO_ROOT);
    expect(run.status).toBe(0);
    const [head, , title] = run.stdout.split("\n");
    expect(head).toBe("interfaces/max-params · interfaces · warning by default · effort medium");
    expect(title).toBe("# interfaces/max-params");
    for (const part of ["**Why an agent cares:**", "**Fails:**", "**Passes:**", "- `max` (default `4`)."]) {
      expect(run.stdout).toContain(part);
    }
  });

  it("accepts the rule's name without its category", async () => {
    expect((await runCliInProcess(["explain", "max-params"], REPO_ROOT)).stdout).toContain("# interfaces/max-params");
  });

  it("rejects an unknown rule with exit 2, suggesting one whose name contains it", async () => {
    const close = await runCliInProcess(["explain", "exported-symbol"], REPO_ROOT);
    expect(close.status).toBe(2);
    expect(close.stderr).toBe(
      "groundwork: error: unknown rule exported-symbol (did you mean docs/exported-symbol-doc?); `groundwork rules` lists them\n",
    );
  });

  it("suggests the nearest rule for a mistyped one (at most 3 edits away)", async () => {
    const typo = await runCliInProcess(["explain", "exported-symbol-dok"], REPO_ROOT);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe(
      "groundwork: error: unknown rule exported-symbol-dok (did you mean docs/exported-symbol-doc?); `groundwork rules` lists them\n",
    );
    expect((await runCliInProcess(["explain", "interfaces/max-parms"], REPO_ROOT)).stderr).toContain(
      "(did you mean interfaces/max-params?)",
    );
  });

  it("rejects an unknown rule with exit 2, suggesting none more than 3 edits away", async () => {
    const run = await runCliInProcess(["explain", "docs/exported-doc"], REPO_ROOT);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("groundwork: error: unknown rule docs/exported-doc; `groundwork rules` lists them\n");
  });
});

describe("groundwork report", () => {
  it("renders a saved result exactly as the scan would have", async () => {
    const dir = await copyFixture("scan/known-counts");
    const saved = `${dir}-result.json`;
    expect((await runCliInProcess(["scan", dir, "--format", "json", "--output", saved], REPO_ROOT)).status).toBe(0);
    const run = await runCliInProcess(["report", saved, "--format", "markdown"], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(await readFile(fixturePath("reports/known-counts.md"), "utf8"));
  });

  it("compares two saved results without scanning", async () => {
    const dir = await copyFixture("scan/known-counts");
    const before = `${dir}-before.json`;
    const after = `${dir}-after.json`;
    await runCliInProcess(["scan", dir, "--format", "json", "--output", before], REPO_ROOT);
    await appendFile(join(dir, "src/orders.ts"), "\nexport const MIN_ORDERS = 1;\n");
    await runCliInProcess(["scan", dir, "--format", "json", "--output", after], REPO_ROOT);
    const run = await runCliInProcess(["report", after, "--baseline", before, "--format", "json"], REPO_ROOT);
    expect(JSON.parse(run.stdout).baseline).toMatchObject({ new: 1, fixed: 0, unchanged: 10 });
  });

  it.each([
    [["report", "missing.json"], "groundwork: error: result missing.json: no such file\n"],
    [
      ["report", "package.json"],
      "groundwork: error: result package.json: not a Groundwork `--format json` result of this version (schemaVersion: Invalid input: expected 1)\n",
    ],
    [
      ["report", "README.md"],
      "groundwork: error: result README.md: not JSON (save a result with `groundwork scan --format json --output FILE`)\n",
    ],
  ])("rejects %j with exit 2", async (args, message) => {
    const run = await runCliInProcess(args, REPO_ROOT);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(message);
  });
});
