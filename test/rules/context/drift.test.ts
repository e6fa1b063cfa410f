import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, scanFixture } from "../../helpers/fixtures.js";

// fixtures/context/drift has three planted problems and nothing else wrong with its context:
// the "test" script was renamed to "test:unit" and "check" to "typecheck" (AGENTS.md lines 8 and 11 still use
// the old names), src/legacy/ was deleted (line 18 still mentions it), and CLAUDE.md tests with
// `npm run test:all` where AGENTS.md says `npm run test:unit`.
describe("context drift", () => {
  it("finds exactly the planted problems", async () => {
    const result = await scanFixture("context/drift");
    const context = result.findings
      .filter((finding) => finding.category === "context")
      .map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`);
    expect(context).toEqual([
      "context/broken-command AGENTS.md:8:1",
      "context/broken-command AGENTS.md:11:18",
      "context/missing-path AGENTS.md:18:4",
      "context/contradiction CLAUDE.md:3:21",
    ]);
  });

  it("says what is broken and why", async () => {
    const result = await scanFixture("context/drift");
    expect(findingsOf(result, "context/broken-command").map((finding) => finding.message)).toEqual([
      '`npm test` in AGENTS.md does not run: package.json has no "test" script (it has "test:unit", "test:all")',
      '`npm run check` in AGENTS.md does not run: package.json has no "check" script',
    ]);
    expect(findingsOf(result, "context/missing-path")[0]?.message).toBe(
      "AGENTS.md mentions src/legacy/, which does not exist",
    );
    expect(findingsOf(result, "context/contradiction")[0]?.message).toBe(
      "CLAUDE.md says to test the root package with `npm run test:all`, AGENTS.md with `npm run test:unit`",
    );
  });

  it("reports the figures: 6 commands checked (4 in AGENTS.md, 1 in CLAUDE.md, 1 in the README), 2 broken", async () => {
    const metrics = categoryOf(await scanFixture("context/drift"), "context").metrics;
    expect(metrics).toMatchObject({
      contextFiles: ["AGENTS.md", "CLAUDE.md"],
      commandsChecked: 6,
      brokenCommands: 2,
      missingPaths: 1,
      undocumentedEnvVars: [],
      packageManager: "npm",
      feedbackLoop: {
        test: "package.json: test:unit",
        build: "package.json: build",
        lint: "package.json: lint",
        typecheck: "package.json: typecheck",
        lockfile: "package-lock.json",
        ci: [".github/workflows/ci.yml"],
        strictTypescript: true,
      },
    });
  });
});
