import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import type { ScanResult } from "../../../src/engine/result.js";
import { buildBillingHistory } from "../../helpers/billing-history.js";
import { categoryOf, findingsOf, locationsOf, temporaryDir } from "../../helpers/fixtures.js";
import { git } from "../../helpers/git.js";

const RULE = "hotspots/hotspot";
let root: string;
let result: ScanResult;

beforeAll(async () => {
  root = await buildBillingHistory();
  result = await analyze({ root, config: {} });
});

describe(RULE, () => {
  // Uses the scripted copy of fixtures/hotspots/billing-history (see test/helpers/billing-history.ts).
  it("reads 16 commits in the 12 months before HEAD, with change counts per file and renames followed", () => {
    const hotspots = categoryOf(result, "hotspots").metrics;
    expect(hotspots.window).toEqual({ since: "2025-01-16", until: "2026-01-16", length: "12 months" });
    expect(hotspots.commits).toBe(16);
    expect(hotspots.isShallow).toBe(false);
    const byFile = Object.fromEntries(hotspots.hotspots.map((entry) => [entry.file, [entry.commits, entry.authors]]));
    expect(byFile).toMatchObject({
      "src/billing/invoice.ts": [15, 2],
      "src/billing/tax.ts": [6, 2],
      "src/reports/tax-report.ts": [6, 2],
      "src/orders/order-status.ts": [3, 2],
      "src/util/pad.ts": [1, 1],
    });
  });

  it("ranks the most changed, most complex file first, with score 100", () => {
    const [top] = categoryOf(result, "hotspots").metrics.hotspots;
    // computeInvoice: 1 + for + 15 if/else-if = 17.
    expect(top).toEqual({
      file: "src/billing/invoice.ts",
      commits: 15,
      authors: 2,
      complexity: 17,
      score: 100,
      risk: 0.33,
    });
  });

  it("reports the hotspot with its figures and a fix that names the complex function", () => {
    expect(locationsOf(result, RULE)).toEqual(["src/billing/invoice.ts:1:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe(
      "Hotspot: src/billing/invoice.ts changed in 15 commits by 2 authors in 12 months, complexity 17, and it is complex",
    );
    expect(finding?.fix).toBe(
      "Make src/billing/invoice.ts safer to change, as it is where agents will be sent most often: split it along its responsibilities (start with computeInvoice (17)).",
    );
  });

  it("scores the share of changes that land in risky files", () => {
    // 35 changes: invoice 15 (complex: ⅓), tax-report 6 (untested: ⅓), order-status 3 (untested: ⅓);
    // customer, address and order changed once each (untested, but under 3 commits: no hotspot);
    // tax, format and pad are safe. Failed 5 + 2 + 1 = 8 of 35: 100 × 27/35 = 77.1.
    const check = categoryOf(result, "hotspots").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toEqual({ ruleId: RULE, weight: 1, examined: 35, failed: 8, score: 77.1 });
  });

  it("counts files changed in fewer than minCommits commits as no hotspot, and all with minCommits 1", async () => {
    const strict = await analyze({ root, config: { rules: { [RULE]: { options: { minCommits: 1 } } } } });
    // customer, address and order (1 commit each, untested) now cost ⅓ each: 9 of 35, 100 × 26/35 = 74.3.
    const check = categoryOf(strict, "hotspots").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toMatchObject({ examined: 35, failed: 9, score: 74.3 });
  });

  it("reads a shorter window ending at HEAD, not at today", async () => {
    const recent = await analyze({ root, config: { history: { window: "7 days" } } });
    // HEAD is 2026-01-16: commits of 2026-01-09 to 2026-01-16.
    expect(categoryOf(recent, "hotspots").metrics).toMatchObject({
      commits: 8,
      window: { since: "2026-01-09", until: "2026-01-16" },
    });
  });

  it("is not applicable without commits in the window", async () => {
    const future = await analyze({ root, since: "2026-01-17" });
    expect(categoryOf(future, "hotspots")).toMatchObject({ score: null, reason: "no commits since 2026-01-17" });
    await expect(analyze({ root, since: "0 days" })).rejects.toThrow(
      '--since 0 days: expected a window such as "12 months", "90 days" or a date YYYY-MM-DD',
    );
  });

  it("warns about a shallow clone and uses the history it has", async () => {
    const shallow = join(await temporaryDir(), "shallow");
    git(root, ["clone", "--quiet", "--depth", "4", `file://${root}`, shallow]);
    const clone = await analyze({ root: shallow, config: {} });
    expect(categoryOf(clone, "hotspots").metrics).toMatchObject({ commits: 4, isShallow: true });
    expect(clone.warnings).toContain("shallow clone: history has 4 commits in the window, hotspots may be incomplete");
  });
});
