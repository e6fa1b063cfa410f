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
    [".windsurfrules", "windsurf"],
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
    ]);
  });

  it("is empty when only comments and whitespace remain", () => {
    expect(parseDocument("AGENTS.md", "agents", "\n<!-- later -->\n\n", null).isEmpty).toBe(true);
    expect(parseDocument("AGENTS.md", "agents", "# Title\n", null).isEmpty).toBe(false);
  });
});
