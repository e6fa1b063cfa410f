import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "docs/readme";

describe(RULE, () => {
  it("accepts a README with Getting started and Development headings", async () => {
    const result = await scanFixture("docs/readme/complete");
    expect(locationsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "docs").metrics).toMatchObject({
      readme: "README.md",
      readmeHasUsage: true,
      readmeHasDevelopment: true,
    });
  });

  it("reports a missing README where it should be created", async () => {
    const result = await scanFixture("docs/readme/missing");
    expect(findingsOf(result, RULE).map((finding) => [finding.file, finding.message])).toEqual([
      ["README.md", "The repository has no README"],
    ]);
    expect(categoryOf(result, "docs").metrics.readme).toBeNull();
  });

  it("reports an empty README", async () => {
    const result = await scanFixture("docs/readme/empty");
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual(["The README is empty"]);
  });

  it("reports missing sections and ignores headings inside code blocks", async () => {
    const result = await scanFixture("docs/readme/no-sections");
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "The README has no development or testing section",
      "The README has no usage or setup section",
    ]);
    const check = categoryOf(result, "docs").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toMatchObject({ examined: 1, failed: 1, score: 0 });
  });

  it("finds a README under .github/ with setext headings", async () => {
    const result = await scanFixture("docs/readme/github-dir-setext");
    expect(locationsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "docs").metrics.readme).toBe(".github/README.md");
  });

  it("reads reStructuredText titles", async () => {
    const result = await scanFixture("docs/readme/rst");
    expect(locationsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "docs").metrics.readme).toBe("README.rst");
  });
});
