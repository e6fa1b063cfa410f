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
    // fixtures/context/missing-path-suggestion: src/lib/format-date.ts, docs/architecture.md, src/core/cart.ts.
    expect(await checksOf("context/missing-path-suggestion")).toEqual([
      "AGENTS.md:3:25 src/utils/format-date.ts missing (src/lib/format-date.ts exists)",
      "AGENTS.md:4:31 docs/architecure.md missing (docs/architecture.md exists)",
      "AGENTS.md:5:28 src/legacy/ missing",
      "AGENTS.md:5:58 src/core/cart.ts found root src/core/cart.ts",
    ]);
  });
});
