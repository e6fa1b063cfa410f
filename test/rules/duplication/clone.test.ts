import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import type { ScanResult } from "../../../src/contract/result.js";
import { isTypeLevel } from "../../../rules/clone-helpers.js";
import { runCli } from "../../helpers/cli.js";
import { categoryOf, copyFixture, findingsOf, locationsOf, scanFixture, temporaryDir } from "../../helpers/fixtures.js";

const RULE = "duplication/clone";

describe(RULE, () => {
  // discounts.ts and taxes.ts share lines 4-17 (everything after the function name); summary.ts is unique.
  it("reports a clone pair at its first place, with the second as a related location", async () => {
    const result = await scanFixture("duplication/clone");
    expect(locationsOf(result, RULE)).toEqual(["src/pricing/discounts.ts:4:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe("14 lines duplicated: src/pricing/discounts.ts:4-17 and src/pricing/taxes.ts:4-17");
    // Both copies span lines 4-17, as the message says: the region ends there (SARIF's endLine).
    expect([finding?.line, finding?.endLine]).toEqual([4, 17]);
    expect(finding?.related).toEqual([
      { file: "src/pricing/taxes.ts", line: 4, column: 1, endLine: 17, message: "the same 14 lines again" },
    ]);
  });

  it("suggests the folder both copies already import from", async () => {
    const [finding] = findingsOf(await scanFixture("duplication/clone"), RULE);
    expect(finding?.fix).toBe(
      "Extract the code shared by src/pricing/discounts.ts:4-17 and src/pricing/taxes.ts:4-17 into one function in a module under src/shared/ (both files already import from there), and call it from both places.",
    );
  });

  // fixtures/duplication/clone-home-entry: the package's entry is src/api/index.ts (package.json `exports`). The
  // pricing pair imports only the entry; the billing pair imports the entry and src/internal/limits.ts.
  it("does not send shared code to the folder of a package entry, which would make it public API", async () => {
    const fixes = findingsOf(await scanFixture("duplication/clone-home-entry"), RULE).map((finding) => finding.fix);
    expect(fixes).toEqual([
      "Extract the code shared by src/billing/fees.ts:5-17 and src/billing/levies.ts:5-17 into one function in a module under src/internal/ (both files already import from there), and call it from both places.",
      "Extract the code shared by src/pricing/discounts.ts:4-17 and src/pricing/taxes.ts:4-17 into one function in a new module under src/pricing/, and call it from both places.",
    ]);
  });

  // fixtures/duplication/clone-home-hub: no entry is known (`exports` is a `./*` pattern); the pair under
  // src/vanilla/utils/ imports only src/vanilla.ts, above their folder.
  it("does not send shared code to a module above both copies' folder, their package's hub", async () => {
    const [finding, ...others] = findingsOf(await scanFixture("duplication/clone-home-hub"), RULE);
    expect(others).toEqual([]);
    expect(finding?.fix).toBe(
      "Extract the code shared by src/vanilla/utils/discounts.ts:4-17 and src/vanilla/utils/taxes.ts:4-17 into one function in a new module under src/vanilla/utils/, and call it from both places.",
    );
  });

  // The two route interfaces share their bodies, lines 4-9: four overloads of `get`, all type-level code.
  it("suggests one shared type for a clone of type declarations", async () => {
    const result = await scanFixture("duplication/type-clone");
    expect(locationsOf(result, RULE)).toEqual(["src/routes/order-routes.ts:4:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe(
      "6 lines of type declarations duplicated: src/routes/order-routes.ts:4-9 and src/routes/user-routes.ts:4-9",
    );
    expect(finding?.fix).toBe(
      "Extract the type shared by src/routes/order-routes.ts:4-9 and src/routes/user-routes.ts:4-9 into one exported type alias in a module under src/shared/ (both files already import from there), and reference it from both places.",
    );
  });

  // The two icons share their markup from the `/>` after the differing path on line 6 to the closing `);`:
  // 51 tokens read as JSX (36 when `</g>` and the like were read as regular expressions, under the threshold).
  it("finds a clone in JSX markup", async () => {
    const [finding, ...others] = findingsOf(await scanFixture("duplication/jsx-clone"), RULE);
    expect(others).toEqual([]);
    expect(finding?.message).toBe(
      "10 lines duplicated: src/icons/arrow-down-icon.tsx:6-15 and src/icons/arrow-up-icon.tsx:6-15",
    );
  });

  it("takes a pair for a clone of types when nine tokens in ten are type-level in both copies", () => {
    const pair = { a: { file: "a.ts", start: 1, end: 9 }, b: { file: "b.ts", start: 1, end: 9 }, lines: 9 };
    expect(isTypeLevel({ ...pair, tokens: 50, typeTokens: 45 })).toBe(true);
    expect(isTypeLevel({ ...pair, tokens: 50, typeTokens: 44 })).toBe(false);
    // jscpd does not tell which code a clone is: it is taken for code.
    expect(isTypeLevel({ ...pair, tokens: 50, typeTokens: null })).toBe(false);
  });

  it("measures duplicated source lines, both copies, over all source lines", async () => {
    const duplication = categoryOf(await scanFixture("duplication/clone"), "duplication");
    // Source lines: money 4 + discounts 17 + taxes 17 + summary 6 = 44; duplicated 2 × 14 = 28.
    expect(duplication.metrics).toEqual({
      percentage: 63.64,
      duplicatedLines: 28,
      totalLines: 44,
      clones: [
        {
          files: ["src/pricing/discounts.ts", "src/pricing/taxes.ts"],
          lines: 14,
          a: { start: 4, end: 17 },
          b: { start: 4, end: 17 },
        },
      ],
      testClones: 1,
      testDuplicatedLines: 18,
    });
  });

  it("honours a larger minimum clone size", async () => {
    const result = await scanFixture("duplication/clone", { clones: { minLines: 15 } });
    expect(locationsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "duplication").metrics.percentage).toBe(0);
    expect(result.scoringModel).toMatch(/^6\+custom\./);
  });

  // A process: the worker threads start only from the built CLI.
  it("finds the same pair through the CLI (the worker thread) and with the jscpd engine", async () => {
    const root = await copyFixture("duplication/clone");
    const metricsOf = (args: string[]) => {
      const run = runCli(["scan", root, "--no-cache", "--format", "json", ...args], root);
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as ScanResult;
      return { metrics: categoryOf(result, "duplication").metrics, model: result.scoringModel };
    };
    const builtin = metricsOf([]);
    expect(builtin.metrics).toMatchObject({ duplicatedLines: 28, totalLines: 44, testClones: 1 });
    const config = join(await temporaryDir(), "jscpd.json");
    await writeFile(config, JSON.stringify({ clones: { engine: "jscpd" } }));
    const jscpd = metricsOf(["--config", config]);
    expect(jscpd.metrics).toEqual(builtin.metrics);
    // Another engine is another way of measuring: results are not compared as equals.
    expect(builtin.model).toBe("6");
    expect(jscpd.model).toMatch(/^6\+custom\./);
  });
});

// clone-boundaries: three pairs. In src/queue/handlers.ts two function-type aliases share their 10 lines after the
// name (QueuePrepend 12-21, QueueAppend 38-47); the equal tokens go on, past a differing doc comment, through the
// `export type` of the next alias (lines 38 and 54). src/reports/monthly.ts and weekly.ts share `totals` (8-16 and
// 11-19), and the equal tokens start before it, at the `})` closing the constant above and its doc comment (line
// 5 in both). src/export/csv.ts and tsv.ts share lines 2-10, from after the function names to the closing brace,
// with different code after it.
describe("duplication/clone boundaries", () => {
  it("ends a clone where the shared declaration ends, not at the next declaration after a doc comment", async () => {
    const findings = findingsOf(await scanFixture("duplication/clone-boundaries"), RULE);
    expect(findings.find((finding) => finding.file === "src/queue/handlers.ts")?.message).toBe(
      "10 lines of type declarations duplicated: src/queue/handlers.ts:12-21 and src/queue/handlers.ts:38-47",
    );
  });

  it("starts a clone at the first statement after the end of the code before it", async () => {
    const result = await scanFixture("duplication/clone-boundaries");
    expect(locationsOf(result, RULE)).toEqual([
      "src/export/csv.ts:2:1",
      "src/queue/handlers.ts:12:1",
      "src/reports/monthly.ts:8:1",
    ]);
    expect(findingsOf(result, RULE)[2]?.message).toBe(
      "9 lines duplicated: src/reports/monthly.ts:8-16 and src/reports/weekly.ts:11-19",
    );
  });

  it("keeps a clone that starts and ends at statement boundaries exactly as found", async () => {
    const [finding] = findingsOf(await scanFixture("duplication/clone-boundaries"), RULE);
    expect(finding?.message).toBe("9 lines duplicated: src/export/csv.ts:2-10 and src/export/tsv.ts:2-10");
    expect(finding?.related).toEqual([
      { file: "src/export/tsv.ts", line: 2, column: 1, endLine: 10, message: "the same 9 lines again" },
    ]);
  });

  it("counts only the trimmed lines as duplicated", async () => {
    const duplication = categoryOf(await scanFixture("duplication/clone-boundaries"), "duplication");
    // Source lines: handlers 54 + sum 4 + weekly 21 + monthly 20 + csv 12 + tsv 14 = 125; duplicated 2 × 9 + 2 × 10
    // + 2 × 9 = 56 (untrimmed: 18 + handlers 12-54, 43 lines, + monthly 5-16 and weekly 5-19, 27 = 88).
    expect(duplication.metrics).toMatchObject({ duplicatedLines: 56, totalLines: 125, percentage: 44.8 });
  });
});

// clone-across-members: list-store.ts and queue-store.ts build the same object of methods but for remove's first
// two statements (other names). The equal tokens run from `(limit: number) {` (line 2) through add's `},` (line
// 12), and from the `, 1);` of remove's splice (line 16) through reset's `},` (line 26). Neither run is one unit:
// the first is the factory's first statements and the first member of the object it returns, the second the end
// of remove and the whole of reset. Each is cut to its largest part within one block: add (6-12) and reset
// (20-26), whole members, 7 lines each.
describe("duplication/clone across members", () => {
  it("cuts a clone that runs out of one member into the next down to the whole member", async () => {
    const findings = findingsOf(await scanFixture("duplication/clone-across-members"), RULE);
    expect(findings.map((finding) => finding.message)).toEqual([
      "7 lines duplicated: src/stores/list-store.ts:6-12 and src/stores/queue-store.ts:6-12",
      "7 lines duplicated: src/stores/list-store.ts:20-26 and src/stores/queue-store.ts:20-26",
    ]);
  });

  it("counts only the lines of the whole members as duplicated", async () => {
    const duplication = categoryOf(await scanFixture("duplication/clone-across-members"), "duplication");
    // 31 + 31 lines; duplicated 2 × 7 + 2 × 7 = 28 (uncut: 2 × 11 + 2 × 11 = 44).
    expect(duplication.metrics).toMatchObject({ duplicatedLines: 28, totalLines: 62, percentage: 45.16 });
  });
});

describe("duplication when jscpd cannot run", () => {
  it.each([
    ["is missing", "/nonexistent/jscpd", "not measured: jscpd not found at /nonexistent/jscpd"],
    ["crashes", "crash", "not measured: jscpd exited with code 3: engine panicked"],
    ["hangs", "hang", "not measured: jscpd did not finish within 1 s and was stopped"],
  ])("is not applicable when jscpd %s, and the scan goes on", async (_case, kind, reason) => {
    const tools = await temporaryDir();
    const executable = kind.startsWith("/") ? kind : join(tools, `${kind}.sh`);
    if (kind === "crash") await writeFile(executable, "#!/bin/sh\necho 'engine panicked' >&2\nexit 3\n");
    if (kind === "hang") await writeFile(executable, "#!/bin/sh\nsleep 30\n");
    if (!kind.startsWith("/")) await chmod(executable, 0o755);
    const started = Date.now();
    const result = await analyze({
      root: await copyFixture("duplication/clone"),
      config: { clones: { timeoutSeconds: 1 } },
      jscpdPath: executable,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(categoryOf(result, "duplication")).toMatchObject({ score: null, reason });
    expect(result.warnings).toContain(`duplication ${reason}`);
    expect(categoryOf(result, "interfaces").score).not.toBeNull();
  });

  // same-file-clone/src/report.ts: firstTotals and secondTotals share lines 2-10 and 14-22 (their bodies up to the
  // last line). The shared code belongs in that file, not in a module elsewhere.
  it("keeps the shared code of a clone within one file in that file", async () => {
    const [finding] = findingsOf(await scanFixture("duplication/same-file-clone"), RULE);
    expect(finding?.fix).toBe(
      "Extract the code shared by src/report.ts:2-10 and src/report.ts:14-22 into one function in src/report.ts itself (both copies are in it), and call it from both places.",
    );
  });
});
