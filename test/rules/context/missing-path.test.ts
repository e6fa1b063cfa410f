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

/** `file:line:column message` of each finding of the rule. */
async function reported(fixture: string): Promise<string[]> {
  return findingsOf(await scanFixture(fixture), RULE).map(
    (finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`,
  );
}

describe(`${RULE} on real-repository shapes`, () => {
  it("finds paths relative to a workspace package or written as the end of a path, and follows links from the file's folder", async () => {
    // fixtures/context/missing-path-resolution: core/ and core/regexes.ts are under packages/lib/src; AGENTS.md:13
    // names core/parser.ts, which exists nowhere; the copilot file links a missing release guide and core/regexes.ts,
    // a link that leads nowhere from .github/ or the root.
    expect(await reported("context/missing-path-resolution")).toEqual([
      ".github/copilot-instructions.md:3:80 .github/copilot-instructions.md mentions ./release-guide.md, which does not exist",
      ".github/copilot-instructions.md:4:24 .github/copilot-instructions.md mentions core/regexes.ts, which does not exist (packages/lib/src/core/regexes.ts does)",
      "AGENTS.md:13:22 AGENTS.md mentions core/parser.ts, which does not exist",
    ]);
  });

  it("does not report gitignored paths or paths the sentence says are made at run time, beside ones that are missing", async () => {
    // fixtures/context/missing-path-ignored: `.triage/` and `local/` are in .gitignore, logs/server/ is "created at run time".
    expect(await reported("context/missing-path-ignored")).toEqual([
      "AGENTS.md:5:34 AGENTS.md mentions .triage-archive/, which does not exist",
      "AGENTS.md:8:23 AGENTS.md mentions notes/releases/, which does not exist",
      "AGENTS.md:9:30 AGENTS.md mentions scratch/, which does not exist",
    ]);
  });

  it("does not report build output, git refs or package specifiers, beside a missing folder", async () => {
    expect(await reported("context/missing-path-specifiers")).toEqual([
      "AGENTS.md:7:76 AGENTS.md mentions src/helpers/, which does not exist",
    ]);
  });

  it("does not report placeholders, examples, words, URLs, another repository's paths or code blocks, beside a missing file", async () => {
    // config/local.json is in a fenced error message (line 13) and in prose (line 17): only the prose is read.
    expect(await reported("context/missing-path-not-paths")).toEqual([
      "AGENTS.md:17:73 AGENTS.md mentions config/local.json, which does not exist",
    ]);
  });

  it("suggests the path with the same name or a close one in the same folder, and nothing when none is close", async () => {
    // fixtures/context/missing-path-suggestion: format-date.ts moved to src/lib/, the link has a typo, src/legacy/ is gone,
    // packages/sql/ became packages/2-sql/1-core/.
    const findings = findingsOf(await scanFixture("context/missing-path-suggestion"), RULE);
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      "3:25 AGENTS.md mentions src/utils/format-date.ts, which does not exist (src/lib/format-date.ts does)",
      "4:31 AGENTS.md mentions docs/architecure.md, which does not exist (docs/architecture.md does)",
      "5:28 AGENTS.md mentions src/legacy/, which does not exist",
      "6:32 AGENTS.md mentions packages/sql/contract/, which does not exist (packages/2-sql/1-core/contract does)",
    ]);
    expect(findings.map((finding) => finding.fix)).toEqual([
      "Update AGENTS.md to src/lib/format-date.ts if that is what it means, or remove the mention if the thing it named is gone.",
      "Update AGENTS.md to docs/architecture.md if that is what it means, or remove the mention if the thing it named is gone.",
      "Update AGENTS.md to the path's current location, or remove the mention if the thing it named is gone.",
      "Update AGENTS.md to packages/2-sql/1-core/contract if that is what it means, or remove the mention if the thing it named is gone.",
    ]);
  });
});

/** `file:line:column path` of each finding of the rule: where, and which path. */
async function missingPaths(fixture: string): Promise<string[]> {
  const findings = findingsOf(await scanFixture(fixture), RULE);
  return findings.map((finding) => {
    const path = /mentions (\S+), which/.exec(finding.message)?.[1] ?? finding.message;
    return `${finding.file}:${finding.line}:${finding.column} ${path}`;
  });
}

describe(`${RULE}: text that is not a path, beside a path that is missing`, () => {
  it("does not read regular expressions", async () => {
    // `[a-zA-Z]+`, `\d+`, `^src/.*\.ts$`, `\.test\.ts$`, `src\/fixtures`; src/gone.ts was removed.
    expect(await missingPaths("context/missing-path-regex")).toEqual(["AGENTS.md:5:50 src/gone.ts"]);
  });

  it("does not report lint rule ids, of a plugin the package depends on or in a sentence about linting", async () => {
    // The plugins are devDependencies; src/import/ exists, so `import/no-cycle` names a folder's name: still a rule.
    expect(await missingPaths("context/missing-path-lint-rules")).toEqual([
      "AGENTS.md:5:43 src/import/legacy",
      "AGENTS.md:5:85 src/gone.ts",
    ]);
  });

  it("does not report kinds of file (`.config.js`, `.route.tsx`, a suffix some file has), but a missing dotfile", async () => {
    // src/clock.widget.ts makes `.widget.ts` a suffix; no file is or ends with `.eslintrc.json`.
    const findings = findingsOf(await scanFixture("context/missing-path-suffixes"), RULE);
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      "AGENTS.md:5:23 AGENTS.md mentions .eslintrc.json, which does not exist",
      "AGENTS.md:5:55 AGENTS.md mentions src/gone.ts, which does not exist",
    ]);
  });

  it("does not read globs", async () => {
    expect(await missingPaths("context/missing-path-globs")).toEqual(["AGENTS.md:5:31 src/gone.ts"]);
  });

  it("does not read URLs, URL paths or route patterns, but follows a relative link", async () => {
    expect(await missingPaths("context/missing-path-urls")).toEqual([
      "AGENTS.md:5:19 src/gone.ts",
      "AGENTS.md:5:57 docs/handlers.md",
    ]);
  });

  it("does not report package specifiers of dependencies and workspace packages, nor scoped names of no folder", async () => {
    // @acme/ui and lodash are dependencies, @acme/core is packages/core; docs/@acme/ui/ is a folder too, deep down.
    expect(await missingPaths("context/missing-path-packages")).toEqual(["AGENTS.md:5:59 packages/core/src/gone.ts"]);
  });

  it("does not read media types, even where a folder has the type's name", async () => {
    // text/ is a folder of the fixture.
    expect(await missingPaths("context/missing-path-media-types")).toEqual(["AGENTS.md:4:53 src/gone.ts"]);
  });

  it("does not report fractions, dates or words with a slash, but two words whose first is a root folder", async () => {
    // test/fixtures/input/ exists: `input/output` is still two words; `src/legacy` is a folder of src/ that is gone.
    expect(await missingPaths("context/missing-path-words")).toEqual([
      "AGENTS.md:5:27 src/legacy",
      "AGENTS.md:5:44 src/gone.ts",
    ]);
  });

  it("does not report placeholders, in code spans or links, nor a link written inside a code span", async () => {
    expect(await missingPaths("context/missing-path-placeholders")).toEqual([
      "AGENTS.md:5:27 src/gone.ts",
      "AGENTS.md:5:60 docs/gone.md",
    ]);
  });

  it("reads a relative path from the file's folder, the root, a folder its section named, or as a package's export", async () => {
    // .github/pull_request_template.md and CONTRIBUTING.md exist; packages/tsdown/base.ts and packages/db/src/adapter.ts
    // exist, packages/db exports "./adapter"; no review checklist, no pool.ts.
    expect(await missingPaths("context/missing-path-relative")).toEqual([
      ".github/copilot-instructions.md:4:24 ./review-checklist.md",
      "AGENTS.md:4:88 ./src/pool.ts",
    ]);
  });

  it("reads a scoped rule's relative paths from the folders of the files it applies to, in every agent's rule files", async () => {
    // src/cart/cart.test.ts has src/cart/__testHelpers/ beside it; src/api/orders.ts has ../shared/errors.ts.
    // The .clinerules file has no scope: its `./__testHelpers` is read from the root only.
    expect(await missingPaths("context/missing-path-scoped")).toEqual([
      ".agents/rules/errors.mdc:8:62 ../shared/codes.ts",
      ".clinerules:3:64 src/checkout/",
      ".clinerules:7:38 ./__testHelpers",
      ".cursor/rules/tests.mdc:7:80 ./__fixtures__/",
      ".github/instructions/api.instructions.md:5:45 ./handlers.ts",
      ".windsurf/rules/style.md:3:64 src/shared/retry.ts",
    ]);
  });

  // missing-path-scoped-root: a rule for packages/upgrade/**/*.test.tsx names `./test/__helpers` from the package root
  // (packages/upgrade/test/__helpers.tsx; the one test file is in test/, where `./test/…` would not lead), and
  // `./test/__legacy`, which is nowhere.
  it("resolves a scoped rule's relative paths from the package root and the folder its globs start in", async () => {
    expect(await missingPaths("context/missing-path-scoped-root")).toEqual([
      ".cursor/rules/upgrade.mdc:8:22 ./test/__legacy",
    ]);
  });

  it("does not report names that show a convention, names not to add, planned places and former ones", async () => {
    expect(await missingPaths("context/missing-path-cues")).toEqual([
      "AGENTS.md:8:17 test/integration/deleted.test.ts",
    ]);
  });

  it("reads a path with no extension as a module specifier", async () => {
    // src/ast/predicate.ts and src/ast/types.ts exist; src/ast/factories never did.
    expect(await missingPaths("context/missing-path-modules")).toEqual(["AGENTS.md:4:19 src/ast/factories"]);
  });
});
