import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/index.js";
import { runCliInProcess } from "../helpers/cli.js";
import { categoryOf, copyFixture, fixturePath, REPO_ROOT } from "../helpers/fixtures.js";

const CASES = ["single-package", "npm-workspaces", "pnpm-workspaces", "with-claude-md"];

describe("groundwork init", () => {
  it.each(CASES)("%s: prints the expected AGENTS.md (golden file)", async (name) => {
    const dir = await copyFixture(`init/${name}`);
    const run = await runCliInProcess(["init", dir, "--stdout"], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(await readFile(fixturePath(`init/${name}.expected.md`), "utf8"));
  });

  it.each(CASES)("%s: every command in the written file resolves under the context rules", async (name) => {
    const dir = await copyFixture(`init/${name}`);
    expect((await runCliInProcess(["init", dir], REPO_ROOT)).status).toBe(0);
    const result = await analyze({ root: dir, config: {} });
    const fromAgentsMd = result.findings.filter(
      (finding) => finding.file === "AGENTS.md" && finding.category === "context",
    );
    expect(fromAgentsMd).toEqual([]);
    expect(categoryOf(result, "context").metrics.brokenCommands).toBe(0);
    expect(categoryOf(result, "context").metrics.commandsChecked).toBeGreaterThan(0);
  });

  it("writes the file atomically, says so, and refuses to overwrite it without --update or --force", async () => {
    const dir = await copyFixture("init/single-package");
    const first = await runCliInProcess(["init", dir], REPO_ROOT);
    // fixtures/init/single-package.expected.md has 53 lines (wc -l).
    expect(first.stderr).toBe("groundwork: wrote AGENTS.md (53 lines)\n");
    expect(await readFile(join(dir, "AGENTS.md"), "utf8")).toBe(
      await readFile(fixturePath("init/single-package.expected.md"), "utf8"),
    );
    const second = await runCliInProcess(["init", dir], REPO_ROOT);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(
      "groundwork: error: AGENTS.md already exists: use --update to regenerate Groundwork's sections and keep every other line, or --force to replace it\n",
    );
  });

  it("--update regenerates the marked sections from the current facts and keeps every human-written line", async () => {
    const dir = await copyFixture("init/single-package");
    await runCliInProcess(["init", dir], REPO_ROOT);
    const path = join(dir, "AGENTS.md");
    const edited = (await readFile(path, "utf8"))
      .replace("TODO (team): the decisions an agent must not undo, and why.", "Money is stored in cents, never floats.")
      .replace("- `npm run lint` — runs `eslint .` (lints)", "- `npm run lint` — hand edit inside a generated section");
    await writeFile(path, `${edited}\n## Deploys\n\nOnly on Fridays.\n`);
    const manifestPath = join(dir, "package.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
    manifest.scripts.format = "prettier --write .";
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

    const run = await runCliInProcess(["init", dir, "--update"], REPO_ROOT);
    expect(run.stderr).toMatch(/^groundwork: updated AGENTS\.md \(\d+ lines\)\n$/);
    const updated = await readFile(path, "utf8");
    expect(updated).toContain("Money is stored in cents, never floats.");
    expect(updated).toContain("## Deploys\n\nOnly on Fridays.\n");
    expect(updated).toContain("- `npm run lint` — runs `eslint .` (lints)");
    expect(updated).not.toContain("hand edit inside a generated section");
    expect(updated).toContain("- `npm run format` — runs `prettier --write .` (formats the code)");
  });

  it("--force replaces the file", async () => {
    const dir = await copyFixture("init/single-package");
    await writeFile(join(dir, "AGENTS.md"), "# Old\n");
    expect((await runCliInProcess(["init", dir, "--force"], REPO_ROOT)).status).toBe(0);
    expect(await readFile(join(dir, "AGENTS.md"), "utf8")).toBe(
      await readFile(fixturePath("init/single-package.expected.md"), "utf8"),
    );
  });

  it("refuses --force with --update", async () => {
    const run = await runCliInProcess(
      ["init", await copyFixture("init/single-package"), "--force", "--update"],
      REPO_ROOT,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "groundwork: error: --force and --update exclude each other: --update keeps your lines, --force replaces the file\n",
    );
  });

  it("--nested writes one file per workspace package, whose commands resolve from the package folder", async () => {
    const dir = await copyFixture("init/npm-workspaces");
    const run = await runCliInProcess(["init", dir, "--nested"], REPO_ROOT);
    expect(run.stderr).toMatch(
      /wrote AGENTS\.md .*\n.*wrote packages\/core\/AGENTS\.md .*\n.*wrote packages\/web\/AGENTS\.md/,
    );
    const web = await readFile(join(dir, "packages/web/AGENTS.md"), "utf8");
    expect(web).toContain("Web front end.");
    expect(web).toContain("- `npm run dev` — runs `vite` (starts a development server)");
    const result = await analyze({ root: dir, config: {} });
    expect(categoryOf(result, "context").metrics).toMatchObject({
      contextFiles: ["AGENTS.md", "packages/core/AGENTS.md", "packages/web/AGENTS.md"],
      brokenCommands: 0,
    });
  });

  it("notes an existing CLAUDE.md", async () => {
    const run = await runCliInProcess(["init", await copyFixture("init/with-claude-md"), "--dry-run"], REPO_ROOT);
    expect(run.stderr).toBe(
      "groundwork: note: CLAUDE.md also holds agent instructions: move what every agent needs into AGENTS.md and keep in CLAUDE.md only what is specific to its agent (never a symbolic link: agents write through links)\n",
    );
  });

  it("keeps the file under --max-lines by listing fewer items", async () => {
    const run = await runCliInProcess(["init", REPO_ROOT, "--stdout", "--max-lines", "60"], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split("\n").length).toBeLessThanOrEqual(60);
  });
});
