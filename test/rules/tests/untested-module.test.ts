import { utimes } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import { buildBillingHistory } from "../../helpers/billing-history.js";
import { categoryOf, copyFixture, findingsOf, locationsOf } from "../../helpers/fixtures.js";

const RULE = "tests/untested-module";

describe(`${RULE}, mapped from imports`, () => {
  // fixtures/hotspots/billing-history: tests import invoice.ts, tax.ts and format.ts (3 of 9 source files);
  // format.ts imports pad.ts, so pad is reached indirectly; the other 5 are not reached.
  it("counts direct, indirect and untested files and lists the untested biggest and most changed first", async () => {
    const result = await analyze({ root: await buildBillingHistory(), config: {} });
    expect(categoryOf(result, "tests").metrics).toMatchObject({
      mode: "mapped",
      sourceFiles: 9,
      testFiles: 3,
      directlyTested: 3,
      transitivelyTested: 1,
      // 7 lines each: tax-report (6 commits), order-status (3), then one commit each, by path.
      untested: [
        "src/reports/tax-report.ts",
        "src/orders/order-status.ts",
        "src/customers/address.ts",
        "src/customers/customer.ts",
        "src/orders/order.ts",
      ],
      lineCoverage: null,
    });
    expect(locationsOf(result, RULE)).toEqual([
      "src/customers/address.ts:1:1",
      "src/customers/customer.ts:1:1",
      "src/orders/order-status.ts:1:1",
      "src/orders/order.ts:1:1",
      "src/reports/tax-report.ts:1:1",
      "src/util/pad.ts:1:1",
    ]);
    const pad = findingsOf(result, RULE).find((finding) => finding.file === "src/util/pad.ts");
    expect(pad?.severity).toBe("info");
    expect(pad?.message).toBe(
      "src/util/pad.ts (7 lines, changed in 1 commit) is only reached by tests through other modules",
    );
    const taxReport = findingsOf(result, RULE).find((finding) => finding.file === "src/reports/tax-report.ts");
    expect(taxReport?.message).toBe(
      "No test reaches src/reports/tax-report.ts (7 lines, changed in 6 commits): no test imports it, directly or through other modules",
    );
    expect(taxReport?.fix).toBe(
      "Add test/reports/tax-report.test.ts that imports tax-report.ts and exercises its exports (taxReport).",
    );
  });

  it("scores by lines: untested files fail, indirectly tested ones fail by half", async () => {
    const result = await analyze({ root: await buildBillingHistory(), config: {} });
    // Lines: invoice 25, format 6, seven files of 7 = 80. Failed: 5 × 7 untested + 7 / 2 for pad = 38.5.
    const check = categoryOf(result, "tests").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toEqual({ ruleId: RULE, weight: 4, examined: 80, failed: 38.5, score: 51.9 });
    // With the test script check at 100: (4 × 51.875 + 1 × 100) / 5.
    expect(categoryOf(result, "tests").score).toBe(61.5);
  });
});

describe(`${RULE}, measured from a coverage report`, () => {
  // The report was made by running the fixture's own vitest test (scripts/make-coverage-fixture.sh): add and
  // subtract run, multiply does not; strings.ts is never loaded. Executable lines: math 5 (2 run), strings 1 (0 run).
  async function measuredFixture(): Promise<string> {
    const root = await copyFixture("tests/measured-coverage");
    const past = new Date("2026-01-01T00:00:00Z");
    for (const file of ["src/math.ts", "src/strings.ts", "test/math.test.ts"])
      await utimes(join(root, file), past, past);
    return root;
  }

  it.each([
    ["coverage/lcov.info", "lcov"],
    ["coverage/coverage-final.json", "istanbul"],
    ["coverage/coverage-summary.json", "istanbul-summary"],
  ])("reads %s: 2 of 6 executable lines, paths from another machine mapped to the scanned files", async (report) => {
    const result = await analyze({ root: await measuredFixture(), config: { coverage: { report } } });
    expect(categoryOf(result, "tests").metrics).toMatchObject({
      mode: "measured",
      lineCoverage: 33.33,
      coverageReport: report,
      isCoverageStale: false,
      untested: ["src/strings.ts"],
    });
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      `src/math.ts has 40% line coverage in ${report} (at least 50% expected)`,
      `src/strings.ts (4 lines) has no line covered in ${report}`,
    ]);
  });

  it("finds coverage/lcov.info by itself and scores the uncovered share of each file's lines", async () => {
    const result = await analyze({ root: await measuredFixture(), config: {} });
    // math.ts 17 lines × 60% uncovered = 10.2, strings.ts 4 lines × 100% = 4: 14.2 of 21.
    const check = categoryOf(result, "tests").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toEqual({ ruleId: RULE, weight: 4, examined: 21, failed: 14.2, score: 32.4 });
  });

  it("charges a file above minLineCoverage without reporting it", async () => {
    const result = await analyze({
      root: await measuredFixture(),
      config: { rules: { [RULE]: { options: { minLineCoverage: 30 } } } },
    });
    expect(locationsOf(result, RULE)).toEqual(["src/strings.ts:1:1"]);
    expect(categoryOf(result, "tests").checks.find((candidate) => candidate.ruleId === RULE)?.failed).toBe(14.2);
  });
});
