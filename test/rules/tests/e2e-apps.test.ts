import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "tests/untested-module";

// fixtures/tests/e2e-apps: the library @acme/forms (src/validate.ts, tested by test/validate.test.ts; src/format.ts,
// tested by nothing). The root playwright.config.ts starts two servers:
// - `npm run start:harness` (build, `cd ./harness`, `npm run dev`: vite) serves harness/, a package that depends on
//   @acme/forms by file:..: an app that exists for the e2e tests, their fixture;
// - `pnpm --filter admin dev` serves apps/admin (no dependency on @acme/forms): a product app, index.html loads
//   src/main.ts, which imports src/users.ts.
// apps/shop has its own playwright.config.ts whose webServer runs `npm run dev -- --port ${PORT}` in its folder
// (vite): index.html loads src/main.ts, which imports src/cart.ts; src/coupon.ts is imported by nothing.
describe(`${RULE}: code an end-to-end runner's server serves`, () => {
  it("reads a harness app the e2e tests drive as their fixture, with why", async () => {
    const result = await scanFixture("tests/e2e-apps");
    expect(result.files.scopes.find((scope) => scope.kind === "fixture")).toEqual({
      kind: "fixture",
      why: "an app e2e tests drive: playwright serves it (playwright.config.ts: npm run start:harness) and it depends on @acme/forms by file:..",
      files: ["harness/src/main.tsx", "harness/src/pages/signup.tsx"],
    });
  });

  it("counts an app's files its server loads as reached by e2e tests, and says so", async () => {
    const result = await scanFixture("tests/e2e-apps");
    const findings = Object.fromEntries(
      findingsOf(result, RULE).map((finding) => [finding.file, [finding.severity, finding.message, finding.fix]]),
    );
    expect(findings).toEqual({
      "apps/admin/src/users.ts": [
        "info",
        "apps/admin/src/users.ts (4 lines) is only reached by e2e tests: playwright drives the app that `pnpm --filter admin dev` serves (playwright.config.ts)",
        "Add apps/admin/test/users.test.ts that imports users.ts directly, so its behaviour is checked without a browser (listUsers).",
      ],
      "apps/shop/src/cart.ts": [
        "info",
        "apps/shop/src/cart.ts (4 lines) is only reached by e2e tests: playwright drives the app that `npm run dev -- --port ${PORT}` serves (apps/shop/playwright.config.ts)",
        "Add apps/shop/test/cart.test.ts that imports cart.ts directly, so its behaviour is checked without a browser (total).",
      ],
      // Nothing the shop's index.html loads imports it: its server never runs it.
      "apps/shop/src/coupon.ts": [
        "warning",
        "No test reaches apps/shop/src/coupon.ts (4 lines): no test imports it, directly or through other modules",
        "Add apps/shop/test/coupon.test.ts that imports coupon.ts and exercises its exports (discounted).",
      ],
      "src/format.ts": [
        "warning",
        "No test reaches src/format.ts (4 lines): no test imports it, directly or through other modules",
        "Add test/format.test.ts that imports format.ts and exercises its exports (labelOf).",
      ],
    });
    expect(categoryOf(result, "tests").metrics).toMatchObject({
      sourceFiles: 5,
      directlyTested: 1,
      transitivelyTested: 2,
      e2eReached: 2,
      untested: ["apps/shop/src/coupon.ts", "src/format.ts"],
    });
  });
});
