import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/feedback-loop";

describe(RULE, () => {
  it("reports each missing step, naming a linter configured only in package.json", async () => {
    // fixtures/context/feedback-loop/missing: only a start script, eslintConfig in package.json, no lockfile,
    // an empty workflow file, strict: false, and main pointing at dist/ (so TypeScript is built).
    const result = await scanFixture("context/feedback-loop/missing");
    expect(findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      ".github/workflows/ci.yml:1 .github/workflows/ci.yml is empty",
      "package.json:1 There is no lockfile",
      // Same place: ordered by what each is about (build, lint, test, typecheck).
      "package.json:4 TypeScript is compiled but no script builds it",
      "package.json:4 No script runs a linter (eslint is configured)",
      "package.json:4 No script runs the tests",
      "package.json:4 No script type-checks the TypeScript",
      "tsconfig.json:1 TypeScript is not in strict mode",
    ]);
    expect(categoryOf(result, "context").checks.find((check) => check.ruleId === RULE)).toMatchObject({
      examined: 7,
      failed: 7,
      score: 0,
    });
  });

  it("accepts conventional prefixes, a linter run by its package.json key and script, and a lockfile turned off on purpose", async () => {
    // fixtures/context/feedback-loop/complete: build:esm runs tsc (which type-checks), test:unit runs ava,
    // "style" runs xo (configured under "xo"), .npmrc says package-lock=false, a CI workflow, strict TypeScript.
    const result = await scanFixture("context/feedback-loop/complete");
    expect(findingsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "context").metrics.feedbackLoop).toEqual({
      test: "package.json: test:unit",
      build: "package.json: build:esm",
      lint: "package.json: style",
      typecheck: null,
      lockfile: "disabled in .npmrc",
      ci: [".github/workflows/ci.yml"],
      strictTypescript: true,
    });
  });
});
