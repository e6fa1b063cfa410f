import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import type { ScanResult } from "../../../src/engine/result.js";
import { buildBillingHistory } from "../../helpers/billing-history.js";
import { categoryOf, findingsOf, locationsOf } from "../../helpers/fixtures.js";

const RULE = "hotspots/hidden-coupling";
let result: ScanResult;

beforeAll(async () => {
  result = await analyze({ root: await buildBillingHistory(), config: {} });
});

describe(RULE, () => {
  // fixtures/hotspots/billing-history, scripted: tax.ts and tax-report.ts change together in all 6 of their commits
  // and neither imports the other. invoice.ts shares 5 commits with each, but 5 of (15 + 6) / 2 is under half.
  it("reports the pair that always changes together without an import path", () => {
    expect(locationsOf(result, RULE)).toEqual(["src/billing/tax.ts:1:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe(
      "src/billing/tax.ts and src/reports/tax-report.ts changed together in 6 commits (100% of their changes) but neither imports the other",
    );
    expect(finding?.related).toEqual([
      { file: "src/reports/tax-report.ts", line: 1, column: 1, message: "changes together with src/billing/tax.ts" },
    ]);
  });

  it("lists coupled pairs in the metrics", () => {
    expect(categoryOf(result, "hotspots").metrics.coupledPairs).toEqual([
      { files: ["src/billing/tax.ts", "src/reports/tax-report.ts"], shared: 6, degree: 1, hidden: true },
    ]);
  });

  it("leaves out commits touching more files than maxCommitFiles", async () => {
    const bulkOnly = await analyze({ root: await buildBillingHistory(), config: { history: { maxCommitFiles: 2 } } });
    // The pair's commits 3, 6, 9, 12 and 16 touch invoice.ts or CHANGELOG.md too (3 files): none is left to count.
    expect(categoryOf(bulkOnly, "hotspots").metrics.coupledPairs).toEqual([]);
  });
});
