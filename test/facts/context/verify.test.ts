import { describe, expect, it } from "vitest";
import { scan } from "../../../src/engine/index.js";
import { copyFixture } from "../../helpers/fixtures.js";

describe("verified commands", () => {
  // fixtures/context/commands-contradiction: test is `yarn test:app`, test:update `yarn test:app --update --watch=false`.
  it("lists the scripts each command runs in its package, following yarn x, npm run x and pnpm x in script bodies", async () => {
    const { facts } = await scan({ root: await copyFixture("context/commands-contradiction"), config: {} });
    expect(
      facts.commands.map((command) => [`${command.document}:${command.line}`, command.packageDir, command.runs]),
    ).toEqual([
      [".github/copilot-instructions.md:3", "packages/ui", ["test"]],
      ["AGENTS.md:3", "", ["test:update", "test:app"]],
      ["AGENTS.md:5", "", ["build"]],
      ["AGENTS.md:7", "packages/ui", ["test"]],
      ["CLAUDE.md:3", "", ["test:app"]],
      ["CLAUDE.md:5", "", ["build:lib"]],
    ]);
  });

  // fixtures/context/commands-contradiction-wrappers: see test/rules/context/contradiction.test.ts.
  it("follows scripts run through a wrapper's arguments, and lists what task runners run in every workspace", async () => {
    const { facts } = await scan({ root: await copyFixture("context/commands-contradiction-wrappers"), config: {} });
    expect(
      facts.commands.map((command) => [`${command.document}:${command.line}`, command.runs, command.tasks]),
    ).toEqual([
      [".github/copilot-instructions.md:3", ["build:ci"], ["build"]],
      [".github/copilot-instructions.md:4", ["test:hint"], []],
      ["AGENTS.md:3", ["build"], ["build"]],
      ["AGENTS.md:4", ["test"], []],
      ["CLAUDE.md:3", ["build:logged", "build"], ["build"]],
      ["CLAUDE.md:4", ["test:env", "test"], []],
    ]);
  });
});
