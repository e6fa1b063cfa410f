import { describe, expect, it } from "vitest";
import { ENDS, STARTS } from "../../../src/facts/clones/token-buffer.js";
import { tokenize } from "../../../src/facts/clones/tokens.js";

/**
 * Each line of the text, after one letter per token: S where a statement or
 * member starts, E where one ends, B where both (a one-token member), a dot
 * elsewhere.
 */
function marks(path: string, lines: readonly string[]): string[] {
  const file = tokenize(path, [...lines, ""].join("\n"));
  const flags = lines.map(() => "");
  file.startLines.forEach((start, index) => {
    const bits = file.shape[index] ?? 0;
    const starts = (bits & STARTS) !== 0;
    const ends = (bits & ENDS) !== 0;
    flags[start - 1] += starts && ends ? "B" : starts ? "S" : ends ? "E" : ".";
  });
  return lines.map((line, index) => `${flags[index]} ${line}`);
}

describe("statement and member boundaries", () => {
  it("finds statements with and without semicolons, and list items, but no end inside parentheses", () => {
    const lines = [
      "const total = values.reduce((sum, value) => sum + value, 0);",
      "for (let i = 0; i < 3; i++) total += i;",
      "export function scale(factor: number) {",
      "  const scaled = total",
      "    * factor",
      "  return scaled",
      "}",
      "if (total > 0) {",
      "  log(total)",
      "} else {",
      "  log(0)",
      "}",
    ];
    expect(marks("shapes.ts", lines)).toEqual([
      // `(sum` and `value` start items of a list, their commas end them.
      "S......SSES.....ES.E const total = values.reduce((sum, value) => sum + value, 0);",
      // The semicolons inside `for (…)` end nothing; the one after the statement does.
      "S.S....S...S.....E for (let i = 0; i < 3; i++) total += i;",
      "S...S.... export function scale(factor: number) {",
      // A line break where the expression goes on (`* factor`) ends nothing; one where it cannot does.
      "S...   const scaled = total",
      ".E     * factor",
      "SE   return scaled",
      "E }",
      "S.S.... if (total > 0) {",
      "S.SE   log(total)",
      // `else` goes on with the `if`.
      "E.. } else {",
      "S.SE   log(0)",
      "E }",
    ]);
  });

  it("finds the members of an interface and of a type's parameter lists, and a declaration's end", () => {
    const lines = [
      "export interface Options {",
      "  verbose?: boolean",
      "  level: number;",
      "}",
      "export type Handler<T, R = void> = (",
      "  value: T,",
      ") => R",
    ];
    expect(marks("types.ts", lines)).toEqual([
      "S... export interface Options {",
      "S..E   verbose?: boolean",
      "S..E   level: number;",
      "E }",
      // `Handler<` opens a list of type parameters: `T` and `R` are its items.
      "S...SES..... export type Handler<T, R = void> = (",
      "S..E   value: T,",
      // The end of the file ends the declaration.
      "..E ) => R",
    ]);
  });

  it("takes JSX elements and text for members of their parent", () => {
    const lines = ["export const List = () => (", "  <ul>", "    <li>first</li>", "  </ul>", ")"];
    expect(marks("list.tsx", lines)).toEqual([
      "S....... export const List = () => (",
      // The element starts at its `<` and ends at the `>` that closes it; a text is a member of one token.
      "S...   <ul>",
      "S..B...E.     <li>first</li>",
      "...E   </ul>",
      "E )",
    ]);
  });
});
