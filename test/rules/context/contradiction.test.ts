import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import { categoryOf, copyFixture, findingsOf, locationsOf } from "../../helpers/fixtures.js";
import { commitAll, initRepo } from "../../helpers/git.js";

const RULE = "context/contradiction";

describe(RULE, () => {
  it("reports two context files naming different test scripts for the same package", async () => {
    const root = await copyFixture("context/drift");
    const result = await analyze({ root, config: {} });
    expect(locationsOf(result, RULE)).toEqual(["CLAUDE.md:3:21"]);
  });

  // fixtures/context/commands-contradiction: test:update is `yarn test:app --update`; build and build:lib are two builds.
  it("does not report a script that runs the other, nor commands for different packages", async () => {
    const result = await analyze({ root: await copyFixture("context/commands-contradiction"), config: {} });
    expect(
      findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`),
    ).toEqual([
      "CLAUDE.md:5:25 CLAUDE.md says to build the root package with `yarn build:lib`, AGENTS.md with `yarn build`",
    ]);
  });

  // fixtures/context/commands-contradiction-names: the root's AGENTS.md tests with `npm test`, its CLAUDE.md lints
  // with `npm run test:lint`; packages/app's AGENTS.md tests with `npm test`, its CLAUDE.md with `npm run test:unit`
  // (which its `test` does not run).
  it("reads script names as the feedback loop does: test:lint lints, and is no second test command", async () => {
    const result = await analyze({ root: await copyFixture("context/commands-contradiction-names"), config: {} });
    expect(
      findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`),
    ).toEqual([
      "packages/app/CLAUDE.md:3:4 packages/app/CLAUDE.md says to test packages/app/ with `npm run test:unit`, packages/app/AGENTS.md with `npm test`",
    ]);
  });

  // fixtures/context/commands-contradiction-wrappers: build is `turbo run build`, build:logged runs `pnpm build` through
  // a logging wrapper's arguments (prisma's build:agent), build:ci is `turbo build --concurrency 2`; test:env is
  // `cross-env CI=1 pnpm test`, test:hint only prints `pnpm test` (echo) before running vitest on changed files.
  it("follows a script run through a wrapper's arguments or a task runner: only the script that prints one disagrees", async () => {
    const result = await analyze({ root: await copyFixture("context/commands-contradiction-wrappers"), config: {} });
    expect(
      findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`),
    ).toEqual([
      "AGENTS.md:4:10 AGENTS.md says to test the root package with `pnpm test`, .github/copilot-instructions.md with `pnpm test:hint`",
    ]);
  });

  it("treats a CLAUDE.md that links to AGENTS.md as the same file: nothing to contradict", async () => {
    const root = await copyFixture("context/drift");
    const { rm } = await import("node:fs/promises");
    await rm(join(root, "CLAUDE.md"));
    await symlink("AGENTS.md", join(root, "CLAUDE.md"));
    initRepo(root);
    commitAll(root, "link");
    const result = await analyze({ root, config: {} });
    expect(locationsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "context").metrics.contextFiles).toEqual(["AGENTS.md", "CLAUDE.md"]);
    // The linked file's commands are not counted twice: AGENTS.md 4 and the README 1.
    expect(categoryOf(result, "context").metrics.commandsChecked).toBe(5);
  });
});
