import { describe, expect, it } from "vitest";
import { isDataModule } from "../../../src/facts/modules/data-module.js";
import { parseModule } from "../../../src/facts/modules/parse.js";

describe("modules fact: literal data", () => {
  it("counts the lines of literal unions and tuples, literal tables and literal enum members, member by member", () => {
    const source = [
      'import type { Code } from "./code.js";', // 1
      "",
      "/** Names. */",
      "export type Name =",
      '  | "alpha"', // 5: data
      '  | "beta"', // 6: data
      "  | AnyString;",
      "type AnyString = string & {};",
      'export type Pair = readonly [1, "one"];', // 9: data
      "export const LIMITS = {",
      "  small: 1,", // 11: data
      "  large: -1,", // 12: data
      "  nested: { list: [true, null, `x`] },", // 13: data
      "  run: () => 1,",
      "  short,",
      "} as const;",
      "export enum Level {",
      "  Low,", // 18: data
      '  High = "high",', // 19: data
      '  Computed = "a".length,',
      "}",
      'export const VERSION = "1.0";', // 22: data
      "export const greeting = `hi ${VERSION}`;",
      'export function code(): Code { return "x"; }',
      "export default { retries: 3 };", // 25: data
      "export const QUERY = `", // a template on several lines is text, not data
      "  SELECT 1",
      "`;",
      "export const wrapped = (1);", // a parenthesised value is an expression
    ].join("\n");
    const facts = parseModule("src/names.ts", "source", `${source}\n`);
    expect([facts.lines, facts.nonBlankLines, facts.dataLines]).toEqual([29, 28, 10]);
  });

  it("counts a comment between a union's members as part of it, not one before the first member", () => {
    const source = [
      "export type Size =",
      "  // the small ones",
      '  | "s"',
      '  | "m"',
      "  /* the large one */",
      '  | "l";',
    ];
    const facts = parseModule("src/sizes.ts", "source", source.join("\n"));
    // The union runs from its first `|` (line 3) to line 6.
    expect([facts.nonBlankLines, facts.dataLines]).toEqual([6, 4]);
  });

  it("takes a module for data when at least 80% of its non-blank lines are", () => {
    expect(isDataModule({ nonBlankLines: 100, dataLines: 80 })).toBe(true);
    expect(isDataModule({ nonBlankLines: 100, dataLines: 79 })).toBe(false);
    expect(isDataModule({ nonBlankLines: 0, dataLines: 0 })).toBe(false);
  });
});
