import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover } from "../../../src/discover/index.js";
import { parseDocument, readContext } from "../../../src/facts/context/documents.js";
import { readPackages } from "../../../src/facts/context/packages.js";
import { checkPaths, type PathCheck } from "../../../src/facts/context/paths.js";
import { copyFixture } from "../../helpers/fixtures.js";
import { commitAll, initRepo } from "../../helpers/git.js";

const DEFAULTS = { ignore: [], classify: {}, maxFileSize: 1024 * 1024 };

/** The path checks of a fixture's copy, one line each: where, what, and what the check found. */
async function checksOf(fixture: string, prepare?: (root: string) => Promise<void>): Promise<string[]> {
  const root = await copyFixture(fixture);
  await prepare?.(root);
  const inventory = await discover(root, DEFAULTS);
  const context = await readContext(inventory);
  const packages = await readPackages(root, inventory.packageRoots, new Set(inventory.files.map((file) => file.path)));
  const checks = await checkPaths({ inventory, documents: context.documents, packages: packages.packages });
  return checks.map(describeCheck);
}

function describeCheck(check: PathCheck): string {
  const where = `${check.document}:${check.line}:${check.column} ${check.path}`;
  const found = check.resolution;
  if (found.status === "found")
    return `${where} found ${found.via} ${found.path}${found.matches > 1 ? ` (${found.matches})` : ""}`;
  if (found.status === "exempt") return `${where} exempt ${found.reason}: ${found.detail}`;
  return `${where} missing${found.suggestion === null ? "" : ` (${found.suggestion} exists)`}`;
}

/** The mentions of one document's text, with their cues. */
function mentionsOf(text: string): string[] {
  return parseDocument("AGENTS.md", "agents", text, null).paths.map(
    (mention) =>
      `${mention.line}:${mention.column} ${mention.source} ${mention.path}${mention.cue ? ` [${mention.cue.kind}: ${mention.cue.word}]` : ""}`,
  );
}

describe("path mentions", () => {
  it("reads what the sentence says, across wrapped lines, but not from other code spans, the mention or a link", () => {
    const text = [
      "Results go to the gitignored", // 1
      "`.cache-local/` folder. The manifest is in `src/core/manifest.ts`.", // 2
      "Pack data is generated from `src/pack.ts`; see `./generated/types.ts` or `api/generate.ts`.", // 3
      "We generate it on [each build](../workflows/build.yml).", // 4
    ].join("\n");
    expect(mentionsOf(text)).toEqual([
      "2:2 code .cache-local/ [untracked: gitignored]",
      "2:45 code src/core/manifest.ts",
      "3:30 code src/pack.ts",
      "3:49 code ./generated/types.ts",
      "3:75 code api/generate.ts",
      "4:32 link ../workflows/build.yml",
    ]);
  });

  it("marks examples (a list after e.g. included) and paths beside a link to another repository", () => {
    const text = [
      "Components are `kebab-case.tsx` files (e.g. `user-profile.tsx`, `nav-bar.tsx`); the shell is `src/shell.tsx`.",
      "Skills come from [acme/handbook](https://github.com/acme/handbook) (`skills/pilot/`).",
      "See [issue 12](https://github.com/acme/shop/issues/12) about `src/cart.ts`.",
    ].join("\n");
    expect(mentionsOf(text)).toEqual([
      "1:46 code user-profile.tsx [example: e.g.]",
      "1:66 code nav-bar.tsx [example: e.g.]",
      "1:95 code src/shell.tsx",
      "2:70 code skills/pilot/ [other-repository: https://github.com/acme/handbook]",
      "3:63 code src/cart.ts",
    ]);
  });

  it("leaves out placeholders, versions, media types, kinds of file, a link's text and code blocks", () => {
    const text = [
      "`runs/NNNN/out.md`, `path/to/file.ts`, `my-app/src/`, `src/foo.ts`, `docs/…/`, `docs/.../x.md`.", // 1
      "`zod@4.0.0`, `acme/shop@1a2b3c`, `acme/shop#12`, `text/plain`, `application/vnd.api+json`.", // 2
      "`.d.ts`, `.test.ts`, `import.meta.env.LEGACY`, but `.env.local` and `.eslintrc.json`.", // 3
      "[`docs/drive/`](https://github.com/acme/handbook/tree/main/docs/drive) and [`guide`](docs/guide.md).", // 4
      "```text", // 5
      "Error: cannot open `config/local.json`", // 6
      "```", // 7
      "`src/app.ts:12`, `src/app.ts#L3`", // 8
    ].join("\n");
    expect(mentionsOf(text)).toEqual([
      "3:53 code .env.local",
      "3:70 code .eslintrc.json",
      "4:86 link docs/guide.md",
      "8:2 code src/app.ts:12",
      "8:19 code src/app.ts#L3",
    ]);
  });
});

describe("path mentions: text that is not a path", () => {
  it("leaves out regular expressions, globs, URL paths, route patterns, fractions, dates and kinds of file", () => {
    const text = [
      "`[a-zA-Z]+`, `\\d+`, `^src/.*\\.ts$`, `\\.test\\.ts`, `src/.+\\.tsx`, `src\\lib\\a.ts`.", // 1
      "`src/**/*.ts`, `*.mdc`, `{a,b}/x.md`, `!src/x.ts`, `src/?.ts`.", // 2
      "`/api/users`, `api/users/:id`, `https://example.com/a.md`, `localhost:3000/a.md`.", // 3
      "`1/2`, `2024/01/31`, `.config.js`, `.route.tsx`, `.basic.test.ts`, `text/html`, `image/svg+xml`.", // 4
      "`@/components/button.tsx`, `@scope/pkg/sub`, `src/kept.ts`.", // 5
    ].join("\n");
    expect(mentionsOf(text)).toEqual(["5:29 code @scope/pkg/sub", "5:47 code src/kept.ts"]);
  });

  it("reads no link inside a code span, nor a placeholder link; reads the link beside them", () => {
    const text = "Write `[path/to/a.ts](path/to/a.ts)` or [this](path/to/b.ts), not [that](docs/old.md).";
    expect(mentionsOf(text)).toEqual(["1:74 link docs/old.md"]);
  });

  it("reads cues: a convention's names, a list that trails off, do not add, planned, before, linting", () => {
    const text = [
      "Suffix by category (`.x.a.ts`, `a.errors.ts`) and keep `src/names.ts`.", // 1
      "Never split (`a.part1.ts`, `part2`…).", // 2
      "Do not add `base.js`. When moved to `pkg/ops/` it leaves. **Before** (`old/dir/`): gone.", // 3
      "ESLint's `acme/no-default` rule.", // 4
    ].join("\n");
    expect(mentionsOf(text)).toEqual([
      "1:22 code .x.a.ts [example: Suffix]",
      "1:33 code a.errors.ts [example: Suffix]",
      "1:57 code src/names.ts",
      "2:15 code a.part1.ts [example: …]",
      "3:13 code base.js [unwanted: Do not add]",
      "3:38 code pkg/ops/ [planned: When moved]",
      "3:72 code old/dir/ [former: Before]",
      "4:11 code acme/no-default [lint-rule: ESLint]",
    ]);
  });
});

describe("path checks", () => {
  it("resolves from the document's folder, the root, a workspace package, a unique end, a sibling on the line", async () => {
    // fixtures/context/missing-path-resolution: packages/lib/src/core/regexes.ts, packages/{lib,bench}/src/index.ts,
    // packages/{bench/memory,lib/src/v3}/realworld.ts; .github/commit-convention.md. No core/parser.ts, no release guide.
    expect(await checksOf("context/missing-path-resolution")).toEqual([
      ".github/copilot-instructions.md:3:32 ./commit-convention.md found document .github/commit-convention.md",
      ".github/copilot-instructions.md:3:80 ./release-guide.md missing",
      // A link is followed from the file's folder or the root only: the match elsewhere is the suggestion.
      ".github/copilot-instructions.md:4:24 core/regexes.ts missing (packages/lib/src/core/regexes.ts exists)",
      "AGENTS.md:3:16 core/ found suffix packages/lib/src/core",
      "AGENTS.md:5:22 core/regexes.ts found suffix packages/lib/src/core/regexes.ts",
      "AGENTS.md:5:58 core/regexes.ts:1 found suffix packages/lib/src/core/regexes.ts",
      "AGENTS.md:7:28 src/index.ts found package packages/bench/src/index.ts (2)",
      "AGENTS.md:9:22 packages/bench/memory/footprint.ts found root packages/bench/memory/footprint.ts",
      "AGENTS.md:9:63 realworld.ts found sibling packages/bench/memory/realworld.ts",
      "AGENTS.md:11:25 index.ts found ambiguous packages/bench/src/index.ts (2)",
      "AGENTS.md:13:22 core/parser.ts missing",
      "packages/lib/AGENTS.md:3:22 src/index.ts found document packages/lib/src/index.ts",
    ]);
  });

  it("does not report what .gitignore ignores or the sentence says is made at run time, outside git", async () => {
    // fixtures/context/missing-path-ignored: .gitignore has `.triage/` and `/local/`; nothing else below exists but src/.
    expect(await checksOf("context/missing-path-ignored")).toEqual([
      "AGENTS.md:3:35 .triage/ exempt gitignored: .triage/",
      "AGENTS.md:4:23 local/notes.md exempt gitignored: local/notes.md",
      "AGENTS.md:5:34 .triage-archive/ missing",
      "AGENTS.md:7:16 src/server.ts found root src/server.ts",
      "AGENTS.md:7:51 logs/server/ exempt untracked: created at",
      "AGENTS.md:8:23 notes/releases/ missing",
      "AGENTS.md:9:30 scratch/ missing",
    ]);
  });

  it("asks git inside a work tree, so that .git/info/exclude counts too", async () => {
    const checks = await checksOf("context/missing-path-ignored", async (root) => {
      initRepo(root);
      commitAll(root, "initial");
      await writeFile(join(root, ".git/info/exclude"), "scratch/\n");
    });
    expect(checks).toEqual([
      "AGENTS.md:3:35 .triage/ exempt gitignored: .triage/",
      "AGENTS.md:4:23 local/notes.md exempt gitignored: local/notes.md",
      "AGENTS.md:5:34 .triage-archive/ missing",
      "AGENTS.md:7:16 src/server.ts found root src/server.ts",
      "AGENTS.md:7:51 logs/server/ exempt untracked: created at",
      "AGENTS.md:8:23 notes/releases/ missing",
      "AGENTS.md:9:30 scratch/ exempt gitignored: scratch/",
    ]);
  });

  it("does not report build output, git refs or package specifiers (dependencies, own name and exports, Node's)", async () => {
    // fixtures/context/missing-path-specifiers: package widget-kit (exports "./mini"), depends on zod; src/index.ts, src/mini.ts.
    expect(await checksOf("context/missing-path-specifiers")).toEqual([
      "AGENTS.md:3:19 dist/index.js exempt build-output: dist",
      "AGENTS.md:3:47 coverage/ exempt build-output: coverage",
      "AGENTS.md:3:77 .next/ exempt build-output: .next",
      "AGENTS.md:4:16 refs/heads/main exempt git-ref: refs/heads/main",
      "AGENTS.md:6:22 zod/mini exempt package-specifier: zod",
      "AGENTS.md:6:64 widget-kit/mini exempt package-specifier: widget-kit",
      'AGENTS.md:6:87 ./mini exempt package-specifier: exports "./mini"',
      "AGENTS.md:6:125 fs/promises exempt package-specifier: fs",
      "AGENTS.md:7:23 src/index.ts found root src/index.ts",
      "AGENTS.md:7:42 src/mini.ts found root src/mini.ts",
      "AGENTS.md:7:76 src/helpers/ missing",
    ]);
  });

  it("does not report examples, words with a slash or paths of another repository; a path in a code block is not read", async () => {
    // fixtures/context/missing-path-not-paths: only src/server/start.ts exists; config/local.json is named in a
    // fenced error message (line 13) and again in prose (line 17).
    expect(await checksOf("context/missing-path-not-paths")).toEqual([
      "AGENTS.md:4:41 user-profile.tsx exempt example: e.g.",
      "AGENTS.md:4:61 nav-bar.tsx exempt example: e.g.",
      "AGENTS.md:5:31 try/catch exempt not-a-path: try",
      "AGENTS.md:8:70 skills/pilot/ exempt other-repository: https://github.com/acme/handbook",
      "AGENTS.md:17:23 src/server/start.ts found root src/server/start.ts",
      "AGENTS.md:17:73 config/local.json missing",
    ]);
  });

  it("suggests the nearest existing path: the same name elsewhere, or a close name in the same folder", async () => {
    // fixtures/context/missing-path-suggestion: src/lib/format-date.ts, docs/architecture.md, src/core/cart.ts,
    // packages/2-sql/1-core/contract/ and packages/1-framework/0-foundation/contract/.
    expect(await checksOf("context/missing-path-suggestion")).toEqual([
      "AGENTS.md:3:25 src/utils/format-date.ts missing (src/lib/format-date.ts exists)",
      "AGENTS.md:4:31 docs/architecure.md missing (docs/architecture.md exists)",
      "AGENTS.md:5:28 src/legacy/ missing",
      "AGENTS.md:5:58 src/core/cart.ts found root src/core/cart.ts",
      // Of packages/{2-sql/1-core,1-framework/0-foundation}/contract/, the one that holds packages/, sql/ and contract/.
      "AGENTS.md:6:32 packages/sql/contract/ missing (packages/2-sql/1-core/contract exists)",
    ]);
  });
});

describe("path checks: text that is not a path, and where a relative path is read from", () => {
  it("knows lint rule ids by the plugin a package depends on, or by a sentence about linting", async () => {
    // fixtures/context/missing-path-lint-rules: devDependencies eslint-plugin-react-hooks, eslint-plugin-import,
    // @typescript-eslint/eslint-plugin; src/import/csv.ts and src/vendor/acme/theme.ts exist.
    expect(await checksOf("context/missing-path-lint-rules")).toEqual([
      "AGENTS.md:3:7 react-hooks/rules-of-hooks exempt lint-rule: eslint-plugin-react-hooks",
      "AGENTS.md:3:37 @typescript-eslint/no-explicit-any exempt lint-rule: @typescript-eslint/eslint-plugin",
      "AGENTS.md:3:78 import/no-cycle exempt lint-rule: eslint-plugin-import",
      "AGENTS.md:4:22 acme/no-default-export exempt lint-rule: ESLint",
      "AGENTS.md:4:72 suspicious/noExplicitAny exempt not-a-path: suspicious",
      "AGENTS.md:5:20 src/import/ found root src/import",
      "AGENTS.md:5:43 src/import/legacy missing",
      "AGENTS.md:5:85 src/gone.ts missing",
    ]);
  });

  it("knows a kind of file by a suffix some file has; a dotfile is still a file", async () => {
    // fixtures/context/missing-path-suffixes: src/clock.widget.ts, src/routes/home.route.tsx, vite.config.js.
    expect(await checksOf("context/missing-path-suffixes")).toEqual([
      "AGENTS.md:4:16 .widget.ts exempt not-a-path: kind of file .widget.ts",
      "AGENTS.md:4:41 src/clock.widget.ts found root src/clock.widget.ts",
      "AGENTS.md:5:23 .eslintrc.json missing",
      "AGENTS.md:5:55 src/gone.ts missing",
    ]);
  });

  it("reads two words as a path only when the first is a folder where paths are looked up from", async () => {
    // fixtures/context/missing-path-words: src/index.ts and test/fixtures/input/basic.txt; `1/2` and `2024/01/31` are no mentions.
    expect(await checksOf("context/missing-path-words")).toEqual([
      "AGENTS.md:3:68 and/or exempt not-a-path: and",
      "AGENTS.md:4:20 input/output exempt not-a-path: input",
      "AGENTS.md:4:41 read/write exempt not-a-path: read",
      "AGENTS.md:4:67 try/catch exempt not-a-path: try",
      "AGENTS.md:5:11 src/index.ts found root src/index.ts",
      "AGENTS.md:5:27 src/legacy missing",
      "AGENTS.md:5:44 src/gone.ts missing",
    ]);
  });

  it("reads a relative path from the file's folder, the root, a folder named before in its section, a package's exports", async () => {
    // fixtures/context/missing-path-relative: .github/pull_request_template.md, CONTRIBUTING.md, packages/tsdown/base.ts,
    // packages/db/src/adapter.ts; packages/db exports "./adapter".
    expect(await checksOf("context/missing-path-relative")).toEqual([
      ".github/copilot-instructions.md:3:10 ./pull_request_template.md found document .github/pull_request_template.md",
      ".github/copilot-instructions.md:3:48 ./CONTRIBUTING.md found root CONTRIBUTING.md",
      ".github/copilot-instructions.md:4:24 ./review-checklist.md missing",
      "AGENTS.md:3:14 packages/tsdown found root packages/tsdown",
      "AGENTS.md:3:67 ./base.ts found named packages/tsdown/base.ts",
      'AGENTS.md:4:27 ./adapter exempt package-specifier: exports "./adapter"',
      "AGENTS.md:4:44 packages/db found root packages/db",
      "AGENTS.md:4:65 ./src/adapter.ts found named packages/db/src/adapter.ts",
      "AGENTS.md:4:88 ./src/pool.ts missing",
    ]);
  });

  it("reads a scoped rule's relative paths from the folders of the files its globs match", async () => {
    // fixtures/context/missing-path-scoped: src/cart/cart.test.ts beside src/cart/__testHelpers/, src/api/orders.ts,
    // src/shared/errors.ts. Globs: `**/*.test.ts` (Cursor), "src/api/**/*.ts,src/jobs/**/*.ts" (Copilot's applyTo),
    // a block list with a `!` glob (.agents/rules); .clinerules and .windsurf/rules/style.md have none.
    expect(await checksOf("context/missing-path-scoped")).toEqual([
      ".agents/rules/errors.mdc:8:26 ../shared/errors.ts found scope src/shared/errors.ts",
      ".agents/rules/errors.mdc:8:62 ../shared/codes.ts missing",
      ".clinerules:3:24 src/cart/ found root src/cart",
      ".clinerules:3:64 src/checkout/ missing",
      ".clinerules:7:38 ./__testHelpers missing",
      ".cursor/rules/tests.mdc:7:38 ./__testHelpers found scope src/cart/__testHelpers",
      ".cursor/rules/tests.mdc:7:80 ./__fixtures__/ missing",
      ".github/instructions/api.instructions.md:5:22 ../shared/errors.ts found scope src/shared/errors.ts",
      ".github/instructions/api.instructions.md:5:45 ./handlers.ts missing",
      ".windsurf/rules/style.md:3:19 src/shared/errors.ts found root src/shared/errors.ts",
      ".windsurf/rules/style.md:3:64 src/shared/retry.ts missing",
    ]);
  });

  it("reads what the sentence says: a naming convention, a list that trails off, do not add, planned, before", async () => {
    // fixtures/context/missing-path-cues: packages/tsdown/base.ts and test/integration/joins.test.ts exist.
    expect(await checksOf("context/missing-path-cues")).toEqual([
      "AGENTS.md:3:87 codecs.registry.test.ts exempt example: names",
      "AGENTS.md:4:31 codecs.part1.test.ts exempt example: …",
      "AGENTS.md:4:76 runtime.joins.test.ts exempt example: Examples",
      "AGENTS.md:5:15 base.js exempt unwanted: Do not add",
      "AGENTS.md:5:33 packages/tsdown/base.ts found root packages/tsdown/base.ts",
      "AGENTS.md:6:38 packages/sql/operations/ exempt planned: When moved",
      "AGENTS.md:7:21 packages/integration-tests/test/ exempt former: Before",
      "AGENTS.md:7:76 test/integration/ found root test/integration",
      "AGENTS.md:8:17 test/integration/deleted.test.ts missing",
    ]);
  });

  it("reads a path with no extension as a module specifier", async () => {
    // fixtures/context/missing-path-modules: src/ast/predicate.ts, src/ast/types.ts.
    expect(await checksOf("context/missing-path-modules")).toEqual([
      "AGENTS.md:3:52 src/ast/predicate found root src/ast/predicate.ts",
      "AGENTS.md:3:83 ast/types found suffix src/ast/types.ts",
      "AGENTS.md:4:19 src/ast/factories missing",
      "AGENTS.md:4:56 src/ast/predicate.ts found root src/ast/predicate.ts",
    ]);
  });

  it("takes a scoped name for the package it names before any folder that ends so; no package and no folder, no path", async () => {
    // fixtures/context/missing-path-packages: dependencies @acme/ui and lodash, workspace package @acme/core
    // (packages/core), and a folder docs/@acme/ui/.
    expect(await checksOf("context/missing-path-packages")).toEqual([
      "AGENTS.md:3:23 @acme/ui exempt package-specifier: @acme/ui",
      "AGENTS.md:3:38 @acme/ui/button exempt package-specifier: @acme/ui",
      "AGENTS.md:3:61 lodash/fp exempt package-specifier: lodash",
      "AGENTS.md:3:78 lodash/lodash.js exempt package-specifier: lodash",
      "AGENTS.md:4:24 @acme/core/utils exempt package-specifier: @acme/core",
      "AGENTS.md:4:44 @acme/missing/x exempt not-a-path: @acme",
      "AGENTS.md:5:29 packages/core/src/index.ts found root packages/core/src/index.ts",
      "AGENTS.md:5:59 packages/core/src/gone.ts missing",
    ]);
  });
});
