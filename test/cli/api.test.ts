import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { copyFixture, REPO_ROOT } from "../helpers/fixtures.js";

describe("programmatic API", () => {
  it("exports analyze() from the package entry point", async () => {
    const root = await copyFixture("scan/known-counts");
    const script = `import { analyze } from "groundwork"; const r = await analyze({ root: ${JSON.stringify(root)}, config: {} }); console.log(r.score, r.level.name);`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("74.2 Workable\n");
  });
});
