import { describe, expect, it } from "vitest";
import { parseModule } from "../../../src/facts/modules/parse.js";

describe("modules fact: lines of code", () => {
  it("counts the non-blank lines with code on them: comments aside, strings, templates and regular expressions kept", () => {
    const source = [
      "/**", // 1: comment
      " * The file's overview.", // 2: comment
      " */", // 3: comment
      "",
      "// A line comment.", // 5: comment
      'import { a } from "./a.js";', // 6: code
      "",
      "/* A block */ export const x = a; // code between two comments", // 8: code
      'export const url = "http://example.com/*"; // a string that looks like comments', // 9: code
      "export const sql = `", // 10: code
      "// inside a template: text", // 11: code
      "/* still text */", // 12: code
      "`;", // 13: code
      "export function f(): number {", // 14: code
      "  return 1;", // 15: code
      "  // before the closing brace", // 16: comment
      "}", // 17: code
      "export const re = /\\/\\/ not a comment/;", // 18: code
      "/*", // 19: comment
      " * trailing block", // 20: comment
      " */", // 21: comment
    ].join("\n");
    const facts = parseModule("src/lines.ts", "source", `${source}\n`);
    // 21 lines, 2 blank, 8 of comments only: 11 of code.
    expect([facts.lines, facts.nonBlankLines, facts.codeLines]).toEqual([21, 19, 11]);
  });

  it("reads JSX text as code, and misses a comment inside JSX braces (that line counts as code, as all lines did)", () => {
    const source = [
      "// A paragraph.", // 1: comment
      "export function P() {",
      "  return (",
      "    <p>",
      "      // shown as text", // 5: JSX text, code
      "      {/* a JSX comment */}", // 6: not read as a comment
      "    </p>",
      "  );",
      "}",
    ].join("\n");
    const facts = parseModule("src/p.tsx", "source", source);
    expect([facts.lines, facts.codeLines]).toEqual([9, 8]);
  });

  it("counts a file that does not parse by its non-blank lines", () => {
    const facts = parseModule("src/broken.ts", "source", "// a comment\n\nexport const = ;\n");
    expect(facts.parseError).not.toBeNull();
    expect([facts.lines, facts.nonBlankLines, facts.codeLines]).toEqual([3, 2, 2]);
  });
});
