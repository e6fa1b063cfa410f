import { describe, expect, it } from "vitest";
import { findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/missing-path";

describe(RULE, () => {
  it("reports the deleted folder a context file still mentions, and accepts existing files, folders and links", async () => {
    // fixtures/context/drift: AGENTS.md mentions src/core/ (exists), src/legacy/ (deleted) and docs/architecture.md (a link, exists).
    const result = await scanFixture("context/drift");
    expect(locationsOf(result, RULE)).toEqual(["AGENTS.md:18:4"]);
  });

  it("reports paths outside the repository and folders with no file", async () => {
    // fixtures/context/workspace-commands: `packages/api/` exists; `../outside.md` and `docs/` do not.
    const result = await scanFixture("context/workspace-commands");
    expect(findingsOf(result, RULE).map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      "16:26 AGENTS.md mentions ../outside.md, which does not exist",
      "16:46 AGENTS.md mentions docs/, which does not exist",
    ]);
  });
});
