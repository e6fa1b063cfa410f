import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/agent-file";

describe(RULE, () => {
  it("reports a repository without any context file where AGENTS.md should be", async () => {
    const result = await scanFixture("context/agent-file/none");
    expect(locationsOf(result, RULE)).toEqual(["AGENTS.md:1:1"]);
    expect(categoryOf(result, "context").checks.find((check) => check.ruleId === RULE)).toMatchObject({
      examined: 1,
      failed: 1,
    });
  });

  it("reports an AGENTS.md with nothing but whitespace and comments as empty", async () => {
    const result = await scanFixture("context/agent-file/empty");
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual(["AGENTS.md is empty"]);
    expect(categoryOf(result, "context").checks.find((check) => check.ruleId === RULE)).toMatchObject({ failed: 1 });
  });

  it("accepts CLAUDE.md, suggesting AGENTS.md as info without costing score", async () => {
    const result = await scanFixture("context/agent-file/claude-only");
    const [finding] = findingsOf(result, RULE);
    expect(finding).toMatchObject({
      severity: "info",
      file: "CLAUDE.md",
      message: "CLAUDE.md is read by one agent only; AGENTS.md is read by most",
      gain: 0,
    });
    expect(categoryOf(result, "context").checks.find((check) => check.ruleId === RULE)).toMatchObject({
      failed: 0,
      score: 100,
    });
  });

  it("recognises a nested AGENTS.md", async () => {
    const result = await scanFixture("context/agent-file/nested");
    expect(locationsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "context").metrics.contextFiles).toEqual(["packages/app/AGENTS.md"]);
  });
});
