import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import { categoryOf, copyFixture, locationsOf } from "../../helpers/fixtures.js";
import { commitAll, initRepo } from "../../helpers/git.js";

const RULE = "context/contradiction";

describe(RULE, () => {
  it("reports two context files naming different test scripts for the same package", async () => {
    const root = await copyFixture("context/drift");
    const result = await analyze({ root, config: {} });
    expect(locationsOf(result, RULE)).toEqual(["CLAUDE.md:3:21"]);
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
