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

  it("tells CLAUDE.md to import AGENTS.md, never to become a link to it", async () => {
    const [finding] = findingsOf(await scanFixture("context/agent-file/claude-only"), RULE);
    expect(finding?.fix).toBe(
      "Move the instructions every agent needs into AGENTS.md and keep in CLAUDE.md only what is specific to that agent (a line `@AGENTS.md` in CLAUDE.md imports it for Claude Code). Never make one a symbolic link to the other: agents write through links.",
    );
  });

  // cursor-rules: .cursor/rules/style.mdc applies always, tests.mdc only to src/**/*.test.ts. cursor-scoped-only: just
  // tests.mdc. A scoped rule has no place in AGENTS.md: only the always-applied one is asked to move.
  it("leaves rules scoped to some files where they are", async () => {
    const both = findingsOf(await scanFixture("context/agent-file/cursor-rules"), RULE);
    expect(both.map((finding) => [finding.file, finding.message])).toEqual([
      [".cursor/rules/style.mdc", ".cursor/rules/style.mdc is read by one agent only; AGENTS.md is read by most"],
    ]);
    const scoped = findingsOf(await scanFixture("context/agent-file/cursor-scoped-only"), RULE);
    expect(scoped.map((finding) => [finding.severity, finding.message, finding.fix])).toEqual([
      [
        "info",
        ".cursor/rules/tests.mdc is scoped to some files and read by one agent only; no context file applies to every task",
        "Add an AGENTS.md at the root with what every task needs (how to install, build, test and lint, and what not to touch); the scoped rules can stay as they are.",
      ],
    ]);
  });

  it("recognises a nested AGENTS.md", async () => {
    const result = await scanFixture("context/agent-file/nested");
    expect(locationsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "context").metrics.contextFiles).toEqual(["packages/app/AGENTS.md"]);
  });
});
