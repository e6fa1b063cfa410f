import { describe, expect, it } from "vitest";
import { contextKind, parseDocument } from "../../../src/facts/context/documents.js";

describe("context documents", () => {
  it.each([
    ["AGENTS.md", "agents"],
    ["packages/api/AGENTS.md", "agents"],
    ["CLAUDE.md", "claude"],
    ["GEMINI.md", "gemini"],
    [".github/copilot-instructions.md", "copilot"],
    [".github/instructions/tests.instructions.md", "copilot"],
    [".cursorrules", "cursor"],
    [".cursor/rules/style.mdc", "cursor"],
    [".cursor/rules/frontend/react.mdc", "cursor"],
    ["packages/web/.cursor/rules/react.mdc", "cursor"],
    [".github/instructions/frontend/react.instructions.md", "copilot"],
    [".github/instructions/notes.md", null],
    [".windsurfrules", "windsurf"],
    [".windsurf/rules/style.md", "windsurf"],
    [".clinerules", "cline"],
    [".clinerules/testing.md", "cline"],
    [".agents/rules/no-barrels.mdc", "agents"],
    [".agents/rules/README.md", "agents"],
    [".agents/skills/release/SKILL.md", null],
    ["packages/api/CLAUDE.md", "claude"],
    ["README.md", "readme"],
    ["docs/guide.md", null],
    ["node_modules/pkg/AGENTS.md", null],
  ])("%s is %s", (path, kind) => {
    expect(contextKind(path)).toBe(kind);
  });

  it("takes paths from code spans and relative links, not URLs, globs, placeholders, extensions or code blocks", () => {
    const text = [
      "See `src/core/`, `package.json`, [guide](docs/guide.md#setup) and [site](https://example.com).", // 1
      "Not paths: `*.test.ts`, `<package>/src`, `${HOME}/x`, `.js`, `@scope/pkg`, `a.b`, `/usr/bin`.", // 2
      "```", // 3
      "`src/in-a-block.ts`", // 4
      "```", // 5
    ].join("\n");
    const document = parseDocument("AGENTS.md", "agents", text, null);
    expect(document.paths.map((mention) => `${mention.path}@${mention.line}:${mention.column}`)).toEqual([
      "src/core/@1:6",
      "package.json@1:19",
      "docs/guide.md@1:42",
      // A scoped name is read, then looked up as a package (paths.ts); it is a path only under a folder `@scope/`.
      "@scope/pkg@2:63",
    ]);
  });

  it("speaks for the folder a rules folder is in", () => {
    const dirs = [
      ".cursor/rules/a.mdc",
      "packages/web/.cursor/rules/a.mdc",
      "packages/web/.clinerules/a.md",
      ".windsurf/rules/a.md",
      ".agents/rules/a.mdc",
      ".github/instructions/a.instructions.md",
      "packages/web/AGENTS.md",
    ].map((path) => parseDocument(path, "agents", "# Rules\n", null).dir);
    expect(dirs).toEqual(["", "packages/web", "packages/web", "", "", "", "packages/web"]);
  });

  it("reads the scope of a rule file's front matter: a string, a flow list, a block list, commas outside braces", () => {
    const scope = (front: string[]) =>
      parseDocument(".cursor/rules/a.mdc", "cursor", ["---", ...front, "---", "", "Body."].join("\n"), null).scope;
    expect(scope(["description: Tests", "globs: **/*.test.ts, src/**/*.{ts,tsx}", "alwaysApply: false"])).toEqual([
      "**/*.test.ts",
      "src/**/*.{ts,tsx}",
    ]);
    expect(scope(['applyTo: "src/api/**/*.ts,src/jobs/**"'])).toEqual(["src/api/**/*.ts", "src/jobs/**"]);
    expect(scope(['globs: ["packages/**", \'test/**\', "a,b/**"]'])).toEqual(["packages/**", "test/**", "a", "b/**"]);
    expect(scope(["globs:", '  - "docs/**/*.md"', "  - '!docs/drafts/**'", "alwaysApply: true"])).toEqual([
      "docs/**/*.md",
      "!docs/drafts/**",
    ]);
    expect(scope(["globs: []"])).toEqual([]);
    expect(parseDocument("AGENTS.md", "agents", "globs: src/**\n", null).scope).toEqual([]);
  });

  it("is empty when only comments and whitespace remain", () => {
    expect(parseDocument("AGENTS.md", "agents", "\n<!-- later -->\n\n", null).isEmpty).toBe(true);
    expect(parseDocument("AGENTS.md", "agents", "# Title\n", null).isEmpty).toBe(false);
  });
});
