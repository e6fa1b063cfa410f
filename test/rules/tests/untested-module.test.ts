import { utimes } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import { buildBillingHistory } from "../../helpers/billing-history.js";
import { categoryOf, copyFixture, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

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

describe(`${RULE}: the test file the fix proposes`, () => {
  // fixtures/tests/route-folders: tests sit in a __tests__/ folder beside their modules (lib/__tests__/format.test.ts,
  // lib/__tests__/cart.test.ts). apps/site depends on next, apps/kit on @sveltejs/kit, packages/core on neither; each
  // has an untested module in a folder its framework makes routes of (src/pages/, src/routes/) and one outside it;
  // packages/core has a src/pages/ of its own. packages/api keeps its tests in its own tests/ folder, the only test
  // folder of the repository: a route's test goes to tests/ of its package.
  // apps/pages-site (next) has src/pages/ (its Pages Router) and src/app/ (its App Router, where only page.* and
  // route.* are routes): src/app/pages/ holds components, tested in a __tests__/ beside them. apps/root-pages (next)
  // has a root pages/, so Next.js ignores its src/pages/.
  it("follows the repository's convention, but never proposes a file where the framework would make a route of it", async () => {
    const result = await scanFixture("tests/route-folders");
    const fixes = Object.fromEntries(findingsOf(result, RULE).map((finding) => [finding.file, finding.fix]));
    expect(fixes).toEqual({
      "apps/site/src/pages/about.tsx":
        "Add apps/site/tests/pages/about.test.tsx that imports about.tsx and exercises its exports (About).",
      "apps/site/src/lib/slug.ts":
        "Add apps/site/src/lib/__tests__/slug.test.ts that imports slug.ts and exercises its exports (slug).",
      "apps/kit/src/routes/+page.ts":
        "Add apps/kit/tests/routes/+page.test.ts that imports +page.ts and exercises its exports (load).",
      "apps/kit/src/lib/store.ts":
        "Add apps/kit/src/lib/__tests__/store.test.ts that imports store.ts and exercises its exports (visits).",
      "packages/api/src/table.ts":
        "Add packages/api/tests/table.test.ts that imports table.ts and exercises its exports (routeTable).",
      "packages/core/src/pages/paginate.ts":
        "Add packages/core/src/pages/__tests__/paginate.test.ts that imports paginate.ts and exercises its exports (pageCount).",
      "apps/pages-site/src/pages/index.tsx":
        "Add apps/pages-site/tests/pages/index.test.tsx that imports index.tsx and exercises its exports (Index).",
      "apps/pages-site/src/app/pages/dashboard.tsx":
        "Add apps/pages-site/src/app/pages/__tests__/dashboard.test.tsx that imports dashboard.tsx and exercises its exports (Dashboard).",
      "apps/pages-site/src/app/page.tsx":
        "Add apps/pages-site/src/app/__tests__/page.test.tsx that imports page.tsx and exercises its exports (Page).",
      "apps/root-pages/pages/about.tsx":
        "Add apps/root-pages/tests/pages/about.test.tsx that imports about.tsx and exercises its exports (About).",
      "apps/root-pages/src/pages/legacy.tsx":
        "Add apps/root-pages/src/pages/__tests__/legacy.test.tsx that imports legacy.tsx and exercises its exports (legacyBanner).",
    });
  });

  // fixtures/tests/runner-collects: jest runs scripts/jest/jest.config.js from the root, with an inline project whose
  // rootDir "." is the root and whose roots are <rootDir>/src: it collects **/__tests__/**/*.(spec|test).ts?(x)
  // under src/ only. The tests mirror src/ under src/__tests__/ (src/utils/deepEqual.ts ↔
  // src/__tests__/utils/deepEqual.test.ts, src/logic/merge.ts, src/useForm.ts likewise); src/utils/json.ts has none.
  // src/__tests__/logic/validate.test.ts tests src/logic/validate.ts only through src/logic/submit.ts: the test goes in it.
  // packages/colocated keeps tests beside (vitest src/**/*.test.ts); packages/checked's vitest collects only
  // checks/**/*.check.ts, and no test there is named like its module.
  it("proposes the path the repository's mirror gives and its runner collects, or the pattern to match", async () => {
    const result = await scanFixture("tests/runner-collects");
    const fixes = Object.fromEntries(findingsOf(result, RULE).map((finding) => [finding.file, finding.fix]));
    expect(fixes).toEqual({
      "src/utils/json.ts":
        "Add src/__tests__/utils/json.test.ts that imports json.ts and exercises its exports (safeParse).",
      "src/logic/validate.ts":
        "In src/__tests__/logic/validate.test.ts, add a test that imports validate.ts directly, so its behaviour is checked where it is defined (isPresent).",
      "packages/colocated/src/trim.ts":
        "Add packages/colocated/src/trim.test.ts that imports trim.ts and exercises its exports (trimTitle).",
      "packages/checked/src/round.ts":
        "Add a test file matching `packages/checked/checks/**/*.check.ts` (vitest, packages/checked/vitest.config.ts) that imports round.ts and exercises its exports (roundCents).",
    });
    const jest = result.files.scopes.find((scope) => scope.kind === "test" && scope.why.startsWith("jest"));
    expect(jest).toEqual({
      kind: "test",
      why: "jest runs it: src/**/__tests__/**/*.(spec|test).ts{,x} (scripts/jest/jest.config.js)",
      files: [
        "src/__tests__/logic/merge.test.ts",
        "src/__tests__/logic/validate.test.ts",
        "src/__tests__/useForm.test.ts",
        "src/__tests__/utils/deepEqual.test.ts",
      ],
    });
  });
});
