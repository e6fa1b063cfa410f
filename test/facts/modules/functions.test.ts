import { describe, expect, it } from "vitest";
import { parseModule } from "../../../src/facts/modules/parse.js";

function functionsOf(source: string) {
  return parseModule("src/code.ts", "source", source).functions.map(
    ({ name, anchor, line, lines, ownLines, complexity }) => ({
      name,
      anchor,
      line,
      lines,
      ownLines,
      complexity,
    }),
  );
}

describe("modules fact: functions", () => {
  it("counts McCabe complexity per function, not into nested functions", () => {
    const source = [
      "export function decide(a: number, b?: string): string {", // 1
      "  if (a > 1 && b) return 'x';", // if, &&
      "  const pick = (n: number): number => (n > 0 ? n : -n);", // nested: ?:
      "  for (const c of b ?? '') {", // for-of, ??
      "    while (a-- > 0) { a ||= 1; }", // while, ||=
      "  }",
      "  switch (b) { case 'a': return 'a'; case 'b': return 'b'; default: return 'z'; }", // 2 cases
      "}",
    ].join("\n");
    expect(functionsOf(source)).toEqual([
      { name: "decide", anchor: "decide", line: 1, lines: 8, ownLines: 7, complexity: 9 },
      { name: "pick", anchor: "decide/pick", line: 3, lines: 1, ownLines: 1, complexity: 2 },
    ]);
  });

  it("names methods, accessors, constructors and callbacks, numbering anonymous ones in source order", () => {
    const source = [
      "export class Queue {", // 1
      "  constructor(private size: number) {}",
      "  get length(): number { return this.size; }",
      "  drain(): void {",
      "    [1].forEach(() => {});", // 5
      "    [2].map(function () { return 1; });", // 6
      "  }",
      "}",
      "export const handlers = { onOpen: (): void => {} };", // 9
    ].join("\n");
    expect(functionsOf(source).map(({ name, anchor, line }) => [name, anchor, line])).toEqual([
      ["Queue.constructor", "Queue.constructor", 2],
      ["Queue.get length", "Queue.get length", 3],
      ["Queue.drain", "Queue.drain", 4],
      ["(anonymous)", "Queue.drain/<anonymous#1>", 5],
      ["(anonymous)", "Queue.drain/<anonymous#2>", 6],
      ["onOpen", "onOpen", 9],
    ]);
  });

  it("marks immediately invoked function expressions, through parentheses, and no other call of a function nor a generator", () => {
    const source = [
      "export const Wrapped = /* @__PURE__ */ (() => {", // 1: an IIFE
      "  const value = (function named() { return 1; })();", // 2: an IIFE
      "  [value].map((n) => n);", // 3: a callback
      "  (function () {}).call(undefined);", // 4: called through .call
      "  const rows = (async function* () { yield 1; })();", // 5: a generator: its call runs none of it
      "  return new (function Made() {})();", // 6: constructed
      "})();",
    ].join("\n");
    const facts = parseModule("src/code.ts", "source", source).functions;
    expect(facts.map(({ name, line, isIife }) => [name, line, isIife ?? false])).toEqual([
      ["(anonymous)", 1, true],
      ["named", 2, true],
      ["(anonymous)", 3, false],
      ["(anonymous)", 4, false],
      ["(anonymous)", 5, false],
      ["Made", 6, false],
    ]);
  });

  it("marks nesting deeper than the main thread's stack as too deep (retried on a larger stack), not a crash", () => {
    const source = `export const deep = ${"[".repeat(5000)}1${"]".repeat(5000)};\n`;
    const facts = parseModule("src/deep.ts", "source", source);
    expect(facts.parseError).toEqual({ message: "nesting too deep for the parser", line: 1, column: 1, tooDeep: true });
    expect(facts.lines).toBe(1);
  });
});

describe("modules fact: environment variables", () => {
  it("records process.env, import.meta.env, string keys and destructuring, not other `env` objects", () => {
    const source = [
      "const port = process.env.PORT;", // 1
      'const key = process.env["API_KEY"];', // 2
      "const url = import.meta.env.VITE_API_URL;", // 3
      "const { DB_HOST, DB_USER: user } = process.env;", // 4
      "const config = { env: { NOT_ENV: 1 } };", // 5
      "const other = config.env.NOT_ENV;", // 6
    ].join("\n");
    const reads = parseModule("src/config.ts", "source", source).envReads.map(
      ({ name, line, column }) => `${name}@${line}:${column}`,
    );
    expect(reads).toEqual(["PORT@1:14", "API_KEY@2:13", "VITE_API_URL@3:13", "DB_HOST@4:9", "DB_USER@4:18"]);
  });
});
