import { describe, expect, it } from "vitest";
import { findClones } from "../../../src/facts/clones/index.js";
import { tokenize, type TokenizedFile } from "../../../src/facts/clones/tokens.js";
import { fixturePath } from "../../helpers/fixtures.js";

/** Each line of the text, after a T for each of its tokens in type-level code and a dot for each other token. */
function marks(path: string, lines: readonly string[]): string[] {
  const file: TokenizedFile = tokenize(path, [...lines, ""].join("\n"));
  const flags = lines.map(() => "");
  file.startLines.forEach((start, index) => {
    flags[start - 1] += file.typeLevel[index] === 1 ? "T" : ".";
  });
  return lines.map((line, index) => `${flags[index]} ${line}`);
}

describe("type-level tokens", () => {
  it("marks interface, type alias and declare declarations, to their end, with or without semicolons", () => {
    const lines = [
      "export type Shape =",
      '  | { kind: "circle"; radius: number }',
      '  | { kind: "square"; side: number }',
      "export const area = (shape: Shape) => 1",
      "export default interface Options {",
      "  verbose?: boolean",
      "}",
      'declare module "virtual" {',
      "  export function load(): void",
      "}",
      "declare const VERSION: string;",
      "function local() {",
      "  type Inner = { a: string }",
      "  return 1",
      "}",
    ];
    expect(marks("shapes.ts", lines)).toEqual([
      "TTTT export type Shape =",
      'TTTTTTTTTT   | { kind: "circle"; radius: number }',
      'TTTTTTTTTT   | { kind: "square"; side: number }',
      "........... export const area = (shape: Shape) => 1",
      "TTTTT export default interface Options {",
      "TTTT   verbose?: boolean",
      "T }",
      'TTTT declare module "virtual" {',
      "TTTTTTT   export function load(): void",
      "T }",
      "TTTTTT declare const VERSION: string;",
      "..... function local() {",
      "TTTTTTTT   type Inner = { a: string }",
      "..   return 1",
      ". }",
    ]);
  });

  it("marks overload signatures, not the implementation with its body", () => {
    const lines = [
      "export function format<T extends { id: string }>(value: T): { text: string };",
      "export function format(value: number): { text: string }",
      "export function format(value: unknown): { text: string } {",
      "  return { text: String(value) };",
      "}",
    ];
    expect(marks("format.ts", lines)).toEqual([
      "TTTTTTTTTTTTTTTTTTTTTTTT export function format<T extends { id: string }>(value: T): { text: string };",
      "TTTTTTTTTTTTTT export function format(value: number): { text: string }",
      "............... export function format(value: unknown): { text: string } {",
      "..........   return { text: String(value) };",
      ". }",
    ]);
  });

  it("does not take a name `type` or a type-only export for a declaration", () => {
    const lines = ["const type = 1;", "let kind = type", "foo(kind)", 'export type { Shape } from "./shapes";'];
    expect(marks("names.ts", lines)).toEqual([
      "..... const type = 1;",
      ".... let kind = type",
      ".... foo(kind)",
      '........ export type { Shape } from "./shapes";',
    ]);
  });

  it("marks type declarations in .tsx but not the markup", () => {
    const lines = ["type Props = { title: string };", "export const Card = (props: Props) => <h1>{props.title}</h1>;"];
    expect(marks("card.tsx", lines)).toEqual([
      "TTTTTTTTT type Props = { title: string };",
      "....................... export const Card = (props: Props) => <h1>{props.title}</h1>;",
    ]);
  });

  it("marks every token of a declaration file", () => {
    const lines = ["declare const VERSION: string;", "export function version(): string {", "}"];
    expect(marks("globals.d.ts", lines)).toEqual([
      "TTTTTT declare const VERSION: string;",
      "TTTTTTTT export function version(): string {",
      "T }",
    ]);
  });
});

describe("type-level clones", () => {
  it("counts the tokens of a clone that lie in type declarations in both copies", async () => {
    const pairs = await findClones({
      root: fixturePath("duplication/type-clone"),
      files: [
        "src/routes/order-routes.ts",
        "src/routes/user-routes.ts",
        "src/shared/handler.ts",
        "test/order-routes.test.ts",
        "test/user-routes.test.ts",
      ],
      thresholds: { minTokens: 50, minLines: 5 },
    });
    expect(pairs).toEqual([
      // The interface bodies, from `{` to `}`: get ( path : string , handler : Handler ) : void ;  13 tokens, and 4 more
      // (`first : Middleware ,`, `second …`, `third …`) on each of the next three lines: 13 + 17 + 21 + 25 + 2 = 78.
      {
        a: { file: "src/routes/order-routes.ts", start: 4, end: 9 },
        b: { file: "src/routes/user-routes.ts", start: 4, end: 9 },
        lines: 6,
        tokens: 78,
        typeTokens: 78,
      },
      // The type alias `Expected` (lines 2-8): 4 + 4 + 10 + 6 + 14 + 14 + 2 = 54 tokens. The equal tokens go on with
      // `export function` on line 10, up to the differing function names: the start of a statement, trimmed.
      {
        a: { file: "test/order-routes.test.ts", start: 2, end: 8 },
        b: { file: "test/user-routes.test.ts", start: 2, end: 8 },
        lines: 7,
        tokens: 54,
        typeTokens: 54,
      },
    ]);
  });
});
