import { lstat, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import { runCliInProcess } from "../../helpers/cli.js";
import {
  categoryOf,
  copyFixture,
  findingsOf,
  locationsOf,
  REPO_ROOT,
  scanFixture,
  temporaryDir,
} from "../../helpers/fixtures.js";
import { commitAll, initRepo } from "../../helpers/git.js";

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

describe(`${RULE} with usage shown, not titled`, () => {
  // usage-without-heading: a code block imports the package and one installs it, under no usage heading (as
  // date-fns's README does). shell-without-install: its only code block runs the tests.
  it("accepts an install command or an import in a code block as the usage section", async () => {
    expect(locationsOf(await scanFixture("docs/readme/usage-without-heading"), RULE)).toEqual([]);
    // docs-link: no code block, but "[Read the Docs to Learn More](https://…)", as vite's README sends readers on.
    expect(locationsOf(await scanFixture("docs/readme/docs-link"), RULE)).toEqual([]);
    const without = await scanFixture("docs/readme/shell-without-install");
    expect(findingsOf(without, RULE).map((finding) => finding.message)).toEqual([
      "The README has no usage or setup section",
    ]);
  });
});

describe(`${RULE} with a contributing guide`, () => {
  // Both READMEs have a Usage section and no development one. contributing-guide has .github/CONTRIBUTING.md with
  // a "## Development" heading; guide-without-development has a CONTRIBUTING.md about conduct only.
  it("accepts a development section in the contributing guide, and only a development one", async () => {
    expect(locationsOf(await scanFixture("docs/readme/contributing-guide"), RULE)).toEqual([]);
    const without = await scanFixture("docs/readme/guide-without-development");
    expect(findingsOf(without, RULE).map((finding) => finding.message)).toEqual([
      "The README has no development or testing section",
    ]);
  });
});

describe(`${RULE} finds the development section by content`, () => {
  // development-by-content: no development heading, but a code block under "Before you open a pull request" runs
  // `pnpm install` and `pnpm test`. linked-guide: the README links "the contributor guide" at docs/HOW-WE-WORK.md,
  // whose "## Running the tests" is the section. external-guide: a link to a "development guide" page elsewhere.
  it("accepts development commands in a code block, a linked local guide and a linked guide page", async () => {
    expect(locationsOf(await scanFixture("docs/readme/development-by-content"), RULE)).toEqual([]);
    const linked = await scanFixture("docs/readme/linked-guide");
    expect(locationsOf(linked, RULE)).toEqual([]);
    expect(categoryOf(linked, "docs").metrics).toMatchObject({ readmeHasUsage: true, readmeHasDevelopment: true });
    expect(locationsOf(await scanFixture("docs/readme/external-guide"), RULE)).toEqual([]);
  });

  // badge-only: a "Build" badge whose link ends in /development, and a link to CHANGELOG.md: neither is a guide.
  it("does not take a badge or an unrelated link for a development guide", async () => {
    const result = await scanFixture("docs/readme/badge-only");
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "The README has no development or testing section",
    ]);
  });
});

describe(`${RULE} through symbolic links`, () => {
  // fixtures/docs/readme/linked holds packages/ledger/README.md (a Usage section, no Development one) and
  // packages/ledger/AGENTS.md; the test commits README.md → packages/ledger/README.md, CLAUDE.md →
  // packages/ledger/AGENTS.md, and AGENTS.md → a file outside the repository.
  async function linkedRepo(): Promise<{ root: string; outside: string }> {
    const root = await copyFixture("docs/readme/linked");
    const outside = join(await temporaryDir("gw-outside-"), "secret.md");
    await writeFile(outside, "# Secret\n\n## Development\n\nnpm run leak\n");
    await symlink("packages/ledger/README.md", join(root, "README.md"));
    await symlink("packages/ledger/AGENTS.md", join(root, "CLAUDE.md"));
    await symlink(outside, join(root, "AGENTS.md"));
    initRepo(root);
    commitAll(root, "linked docs");
    return { root, outside };
  }

  it("reads a README that links inside the repository, and reports at the file the link leads to", async () => {
    const { root } = await linkedRepo();
    const result = await analyze({ root, config: {} });
    expect(findingsOf(result, RULE).map((finding) => [finding.file, finding.message])).toEqual([
      ["packages/ledger/README.md", "The README has no development or testing section"],
    ]);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ readme: "README.md", readmeHasUsage: true });
  });

  it("reads context files through links inside the repository, never outside it", async () => {
    const { root } = await linkedRepo();
    const result = await analyze({ root, config: {} });
    expect(categoryOf(result, "context").metrics.contextFiles).toEqual(["CLAUDE.md", "packages/ledger/AGENTS.md"]);
    expect(result.files.skippedFiles.filter((file) => file.reason === "symlink").map((file) => file.path)).toEqual([
      "AGENTS.md",
      "CLAUDE.md",
      "README.md",
    ]);
  });

  it("init writes through a link inside the repository and refuses one that leads outside", async () => {
    const { root, outside } = await linkedRepo();
    const refused = await runCliInProcess(["init", root, "--force"], REPO_ROOT);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      "groundwork: error: AGENTS.md is a symbolic link that leads outside the repository or to nothing: not written\n",
    );
    expect(await readFile(outside, "utf8")).toBe("# Secret\n\n## Development\n\nnpm run leak\n");
    expect((await lstat(join(root, "AGENTS.md"))).isSymbolicLink()).toBe(true);
    // Point AGENTS.md inside instead: the link stays, the file it leads to is written.
    await rm(join(root, "AGENTS.md"));
    await symlink("packages/ledger/AGENTS.md", join(root, "AGENTS.md"));
    const written = await runCliInProcess(["init", root, "--force"], REPO_ROOT);
    expect(written.status).toBe(0);
    expect(written.stderr).toMatch(/^groundwork: wrote packages\/ledger\/AGENTS\.md \(\d+ lines\)\n/);
    expect((await lstat(join(root, "AGENTS.md"))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(root, "packages/ledger/AGENTS.md"), "utf8")).toContain("## Setup and commands");
  });
});
