import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "tests/no-test-script";

describe(RULE, () => {
  it("accepts a root test script as covering every workspace package, and skips examples", async () => {
    const result = await scanFixture("tests/no-test-script/root-script-covers-workspaces");
    expect(locationsOf(result, RULE)).toEqual([]);
    // core and web are products; the workspace root and examples/demo are not.
    expect(categoryOf(result, "tests").checks.find((check) => check.ruleId === RULE)).toMatchObject({
      examined: 2,
      failed: 0,
    });
    expect(categoryOf(result, "tests").metrics).toMatchObject({
      testScript: "package.json: test",
      testRunner: "vitest",
    });
  });

  it("accepts `test:unit` and rejects npm's placeholder, at the package's scripts line", async () => {
    const result = await scanFixture("tests/no-test-script/missing-in-one-package");
    expect(locationsOf(result, RULE)).toEqual(["packages/web/package.json:4:1"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe(
      "Package @acme/web has no test script, and no root test script covers it",
    );
    expect(findingsOf(result, RULE)[0]?.fix).toBe(
      'Add a "test" script to packages/web/package.json that runs the test runner (vitest is installed), so `npm test` checks the package.',
    );
    expect(categoryOf(result, "tests").metrics.testScript).toBe("packages/api/package.json: test:unit");
  });

  // fixtures/tests/no-test-script/root-lint-scripts: the root has only test:lint and test:types; packages/core has
  // no test script, packages/cli a "check" running `vitest run`.
  it("does not take a root's test:lint or test:types as its test script, and takes a script running the runner", async () => {
    const result = await scanFixture("tests/no-test-script/root-lint-scripts");
    expect(locationsOf(result, RULE)).toEqual(["packages/core/package.json:4:1"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe(
      "Package @atlas/core has no test script, and no root test script covers it",
    );
    // The feedback loop's test step, by the same definition.
    expect(categoryOf(result, "tests").metrics.testScript).toBe("packages/cli/package.json: check");
    expect(categoryOf(result, "context").metrics.feedbackLoop.test).toBe("packages/cli/package.json: check");
  });

  it("checks the root of a single-package repository", async () => {
    const result = await scanFixture("tests/no-test-script/single-package-without-script");
    expect(locationsOf(result, RULE)).toEqual(["package.json:1:1"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe(
      "The root package (solo) has no test script, and no root test script covers it",
    );
  });
});
