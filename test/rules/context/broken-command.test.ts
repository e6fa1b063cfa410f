import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/broken-command";

describe(RULE, () => {
  // fixtures/context/workspace-commands: AGENTS.md lists ten commands in a table; four are planted to fail.
  it("checks workspace flags, cd, make, just and npx against the right package", async () => {
    const result = await scanFixture("context/workspace-commands");
    expect(locationsOf(result, RULE)).toEqual([
      "AGENTS.md:6:4",
      "AGENTS.md:7:4",
      "AGENTS.md:10:4",
      "AGENTS.md:13:4",
      "AGENTS.md:14:4",
    ]);
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      '`npm run build --workspace=@platform/web` in AGENTS.md does not run: packages/web/package.json has no "build" script',
      '`npm run dev -w @platform/nope` in AGENTS.md does not run: no workspace package matches "@platform/nope"',
      '`make release` in AGENTS.md does not run: the Makefile in the repository root has no target "release"',
      "`npx left-pad` in AGENTS.md does not run: left-pad is not a dependency of the repository, so npx would download it",
      '`npm test --workspaces` in AGENTS.md does not run: packages/web/package.json has no "test" script, and npm runs it in every workspace (add --if-present)',
    ]);
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 10, brokenCommands: 5 });
  });

  it("finds nothing broken in the drift fixture's README", async () => {
    const result = await scanFixture("context/drift");
    expect(findingsOf(result, RULE).some((finding) => finding.file === "README.md")).toBe(false);
  });
});
