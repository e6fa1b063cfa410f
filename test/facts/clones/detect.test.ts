import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { collectClones, findClones } from "../../../src/facts/clones/index.js";
import { detectClones } from "../../../src/facts/clones/detect.js";
import { tokenize } from "../../../src/facts/clones/tokens.js";
import type { CloneRun } from "../../../src/facts/clones/types.js";
import { fixturePath, temporaryDir } from "../../helpers/fixtures.js";

/**
 * A block of 12 statements of 7 tokens each (`const vN = input * N;`): 84
 * tokens on 12 lines, above the 50-token and 5-line thresholds.
 */
const BLOCK = Array.from({ length: 12 }, (_, index) => `  const v${index} = input * ${index + 2};`).join("\n");

function module(name: string, before: string[], after: string[] = []): string {
  return [
    ...before,
    `export function ${name}(input: number): number {`,
    BLOCK,
    "  return input;",
    "}",
    ...after,
    "",
  ].join("\n");
}

const THRESHOLDS = { minTokens: 50, minLines: 5 };

describe("tokenizer", () => {
  it("keeps tokens and lines, drops comments, and reads regular expressions and templates in context", () => {
    const text = [
      "// a comment with a quote: '",
      "const pattern = /['\"`]/g; // a quote inside a regular expression",
      "const half = total / 2 / 1;",
      "const text = `a ${'}'} b ${`nested ${half}`} c",
      "d`;",
      "export const after = 1;",
    ].join("\n");
    const tokens = tokenize("x.ts", text);
    // const pattern = /…/g ;                                   5
    // const half = total / 2 / 1 ;                              9
    // const text = `a ${ '}' } b ${ `nested ${ half }` } c⏎d` ;   11 (head, string, middle, head, half, tail, tail)
    // export const after = 1 ;                                  6
    expect(tokens.hashes.length).toBe(5 + 9 + 11 + 6);
    expect(Array.from(tokens.startLines.slice(0, 5))).toEqual([2, 2, 2, 2, 2]);
    // The last statement is still seen, on line 6: nothing was swallowed by a quote.
    expect(Array.from(tokens.startLines.slice(-6))).toEqual([6, 6, 6, 6, 6, 6]);
    // The template's tail runs from line 4 to line 5.
    const tail = tokens.hashes.length - 8;
    expect([tokens.startLines[tail], tokens.endLines[tail]]).toEqual([4, 5]);
  });

  it("gives the same tokens to the same code wherever it is, whatever the spacing and comments", () => {
    const a = tokenize("a.ts", "const x = f(1, 2); // one\n");
    const b = tokenize("b.ts", "/* lead */ const   x=f( 1,2 ) ;\n");
    expect(Array.from(a.hashes)).toEqual(Array.from(b.hashes));
    expect(Array.from(tokenize("c.ts", "const y = f(1, 2);\n").hashes)).not.toEqual(Array.from(a.hashes));
  });
});

describe("detectClones", () => {
  it("finds the one shared block between two files, with its exact lines, earlier file first", () => {
    // In b.ts the function starts 3 lines lower: lines 4-16 there, 1-13 in a.ts.
    const a = tokenize("src/a.ts", module("alpha", []));
    const b = tokenize("src/b.ts", module("beta", ["// one", "// two", "// three"]));
    const pairs = detectClones([a, b], THRESHOLDS);
    // The function names differ, so the clone starts at `(input` on the signature line and runs to `}`:
    // ( input : number ) : number {  8, the block 12 × 7 = 84, return input ;  3, }  1: 96 tokens.
    expect(pairs).toEqual([
      {
        a: { file: "src/a.ts", start: 1, end: 15 },
        b: { file: "src/b.ts", start: 4, end: 18 },
        lines: 15,
        tokens: 96,
        // A function with its body is code.
        typeTokens: 0,
      },
    ]);
  });

  it("finds a block repeated inside one file, but not a run of repeated tokens overlapping itself", () => {
    const twice = tokenize("src/twice.ts", [module("one", []), module("two", [])].join("\n"));
    expect(detectClones([twice], THRESHOLDS).map((pair) => [pair.a.start, pair.b.start])).toEqual([[1, 17]]);
    const run = tokenize("src/run.ts", `export const ones = [${"1, ".repeat(200)}];\n`);
    expect(detectClones([run], THRESHOLDS)).toEqual([]);
  });

  it("respects both thresholds", () => {
    const a = tokenize("src/a.ts", module("alpha", []));
    const b = tokenize("src/b.ts", module("beta", []));
    expect(detectClones([a, b], { minTokens: 97, minLines: 5 })).toEqual([]);
    expect(detectClones([a, b], { minTokens: 50, minLines: 16 })).toEqual([]);
    expect(detectClones([a, b], { minTokens: 96, minLines: 15 })).toHaveLength(1);
    const three = tokenize("src/c.ts", module("gamma", []));
    // A third copy pairs with the first occurrence, as jscpd reports it.
    expect(detectClones([a, b, three], THRESHOLDS).map((pair) => `${pair.a.file} ${pair.b.file}`)).toEqual([
      "src/a.ts src/b.ts",
      "src/a.ts src/c.ts",
    ]);
  });
});

describe("clones trimmed to statement boundaries", () => {
  /**
   * A generic function-type alias of 9 lines, 49 tokens after its name:
   * < 1, TItem … , 9, TKey … , 8, > = ( 3, items : 2, | Pick<…> 7, | Pick<…>[] , 10, silent ? : boolean , 5, ) => void ; 4.
   */
  const alias = (name: string) => [
    `export type ${name}<`,
    "  TItem extends Record<string, unknown>,",
    "  TKey extends keyof TItem = keyof TItem,",
    "> = (",
    "  items:",
    "    | Pick<TItem, TKey>",
    "    | Pick<TItem, TKey>[],",
    "  silent?: boolean,",
    ") => void;",
  ];
  // Push on lines 2-10, Unshift on 16-24, Clear on 29: the equal tokens run from Push's `<` through the
  // `export type` of Unshift (51 tokens), and from Unshift's `<` through the `export type` of Clear.
  const text = [
    "/** Adds items at the end. */",
    ...alias("Push"),
    "",
    "/**",
    " * Adds items at the start,",
    " * before every item already there.",
    " */",
    ...alias("Unshift"),
    "",
    "/**",
    " * Removes every item.",
    " */",
    "export type Clear = () => void;",
    "",
  ].join("\n");

  it("ends both copies where the shared declaration ends, not at the next one's first keyword", () => {
    const pairs = detectClones([tokenize("src/queue.ts", text)], { minTokens: 49, minLines: 5 });
    expect(pairs).toEqual([
      {
        a: { file: "src/queue.ts", start: 2, end: 10 },
        b: { file: "src/queue.ts", start: 16, end: 24 },
        lines: 9,
        tokens: 49,
        typeTokens: 49,
      },
    ]);
  });

  it("drops a clone that falls under the token minimum once trimmed", () => {
    expect(detectClones([tokenize("src/queue.ts", text)], THRESHOLDS)).toEqual([]);
  });

  // Two tests files whose first tests differ in their titles only, and whose second tests differ: the equal tokens
  // run from the `,` after the first title (line 4) through `it(` of the second test (line 12), whose title differs.
  const suite = (titles: [string, string], last: string) =>
    [
      'import { expect, it } from "vitest"',
      'import { createCart } from "./cart"',
      "",
      `it("${titles[0]}", () => {`,
      "  const cart = createCart()",
      '  cart.add({ sku: "apple", price: 120 })',
      '  cart.add({ sku: "pear", price: 80 })',
      "  expect(cart.count()).toBe(2)",
      "  expect(cart.total()).toBe(200)",
      "})",
      "",
      `it("${titles[1]}", () => {`,
      `  expect(createCart().${last}()).toBe(0)`,
      "})",
      "",
    ].join("\n");

  it("ends a clone of a test at its `})`, not at the next test's `it(`", () => {
    const a = tokenize("test/a.test.ts", suite(["adds an item", "empties the cart"], "count"));
    const b = tokenize("test/b.test.ts", suite(["adds an entry", "clears the cart"], "total"));
    // , ( ) => {  5, const cart = createCart ( )  6, two cart.add lines 2 × 14, two expect lines 2 × 13, } )  2: 67.
    expect(detectClones([a, b], THRESHOLDS)).toEqual([
      {
        a: { file: "test/a.test.ts", start: 4, end: 10 },
        b: { file: "test/b.test.ts", start: 4, end: 10 },
        lines: 7,
        tokens: 67,
        typeTokens: 0,
      },
    ]);
  });
});

describe("statement ends on the next line and switch labels", () => {
  const read = async (path: string) =>
    tokenize(path, await readFile(join(fixturePath("duplication/clone-statement-ends"), path), "utf8"));
  const pairOf = async (x: string, y: string) => detectClones([await read(x), await read(y)], THRESHOLDS);

  it("keeps a last statement ended by the `;` that starts the next line", async () => {
    // upload.ts and download.ts share lines 5-14 (their limits differ on line 4); upload.ts's `queue.wake(id)` is
    // ended by the `;` of `;(async` on line 15, download.ts's by the line break before `return`. 11 + 11 + 10 + 6 +
    // 1 + 8 + 8 + 8 + 6 + 6 = 75 tokens.
    expect(await pairOf("src/jobs/download.ts", "src/jobs/upload.ts")).toEqual([
      {
        a: { file: "src/jobs/download.ts", start: 5, end: 14 },
        b: { file: "src/jobs/upload.ts", start: 5, end: 14 },
        lines: 10,
        tokens: 75,
        typeTokens: 0,
      },
    ]);
  });

  it("still cuts a last statement that goes on with `.catch(` on the next line", async () => {
    // retry.ts and resume.ts share lines 5-14, but retry.ts's `queue.schedule(job)` goes on at line 15: the clone
    // ends with the statement before, 9 + 7 + 6 + 1 + 5 + 13 + 10 + 6 + 6 = 63 tokens.
    expect(await pairOf("src/jobs/resume.ts", "src/jobs/retry.ts")).toEqual([
      {
        a: { file: "src/jobs/resume.ts", start: 5, end: 13 },
        b: { file: "src/jobs/retry.ts", start: 5, end: 13 },
        lines: 9,
        tokens: 63,
        typeTokens: 0,
      },
    ]);
  });

  it("starts a statement after a `case` label's `:`, not after a ternary's", async () => {
    // The parsers share the `:` of `case "EEE":` / `case "eee":` (line 7) and the return after it (lines 8-12):
    // : return ( 3, three match.day lines 17 + 17 + 16, ) ; 2 = 55 tokens. weekday.ts stacks the label under two
    // others, so the clone's first line is a statement only once a label ends one. The name functions share from
    // the ternary's `:` on line 27 to the end: trimmed to the statement after it, lines 28-36, 7 + 26 + 18 + 11 +
    // 14 + 2 + 6 + 1 + 1 = 86 tokens.
    expect(await pairOf("src/parse/localWeekday.ts", "src/parse/weekday.ts")).toEqual([
      {
        a: { file: "src/parse/localWeekday.ts", start: 7, end: 12 },
        b: { file: "src/parse/weekday.ts", start: 7, end: 12 },
        lines: 6,
        tokens: 55,
        typeTokens: 0,
      },
      {
        a: { file: "src/parse/localWeekday.ts", start: 28, end: 36 },
        b: { file: "src/parse/weekday.ts", start: 28, end: 36 },
        lines: 9,
        tokens: 86,
        typeTokens: 0,
      },
    ]);
  });
});

describe("windows after a clone", () => {
  // a.ts holds block X (12 statements); b.ts holds X then block Y (12 other statements); c.ts holds only the last 4
  // statements of X and the first 4 of Y: 8 lines, 56 tokens, a copy of b.ts's lines 10-17 that straddles the end of
  // its clone with a.ts. jscpd looks up every window, also those that overlap a clone just found.
  const statement = (name: string, operator: string) => (index: number) =>
    `const ${name}${index} = input ${operator} ${index + 2};`;
  const x = Array.from({ length: 12 }, (_, index) => statement("v", "*")(index));
  const y = Array.from({ length: 12 }, (_, index) => statement("w", "-")(index));

  it("looks up and stores the windows that straddle a clone's end, so a third copy of them is found", () => {
    const a = tokenize("src/a.ts", [...x, ""].join("\n"));
    const b = tokenize("src/b.ts", [...x, ...y, ""].join("\n"));
    const c = tokenize("src/c.ts", [...x.slice(8), ...y.slice(0, 4), ""].join("\n"));
    const pairs = detectClones([a, b, c], THRESHOLDS);
    expect(pairs.map((pair) => [pair.a.file, pair.a.start, pair.a.end, pair.b.file, pair.b.start, pair.b.end])).toEqual(
      [
        ["src/a.ts", 1, 12, "src/b.ts", 1, 12],
        ["src/b.ts", 9, 16, "src/c.ts", 1, 8],
      ],
    );
  });
});

describe("the built-in detector against jscpd (the oracle)", () => {
  it("reports the same clone pairs as jscpd 5 on the duplication fixture and a generated set", async () => {
    const root = await temporaryDir();
    await cp(fixturePath("duplication/clone"), root, { recursive: true });
    await writeFile(join(root, "src", "a.ts"), module("alpha", []));
    await writeFile(join(root, "src", "b.ts"), module("beta", ["// one", "// two", "// three"]));
    await writeFile(join(root, "src", "twice.ts"), [module("one", []), module("two", [])].join("\n"));
    const files = [
      "src/a.ts",
      "src/b.ts",
      "src/money.ts",
      "src/pricing/discounts.ts",
      "src/pricing/summary.ts",
      "src/pricing/taxes.ts",
      "src/twice.ts",
      "test/discounts.test.ts",
      "test/taxes.test.ts",
    ];
    const run = (engine: "builtin" | "jscpd"): CloneRun => ({
      root,
      files,
      maxFileSize: 1 << 20,
      settings: { engine, minTokens: null, minLines: null, timeoutMs: 60_000 },
    });
    const builtin = await collectClones(run("builtin"));
    const jscpd = await collectClones(run("jscpd"));
    expect(builtin.status).toBe("ok");
    expect(jscpd.status).toBe("ok");
    const places = (fact: typeof builtin) =>
      fact.status === "ok"
        ? fact.clones.map((pair) => `${pair.a.file}:${pair.a.start} ${pair.b.file}:${pair.b.start}`)
        : [];
    expect(places(builtin)).toEqual(places(jscpd));
    expect(places(builtin)).toContain("src/pricing/discounts.ts:4 src/pricing/taxes.ts:4");
  });

  it("does not wait on an early-started worker that stopped before it had a job", async () => {
    const root = await temporaryDir();
    await writeFile(join(root, "a.ts"), module("alpha", []));
    await writeFile(join(root, "b.ts"), module("beta", []));
    const gone = new Worker("process.exit(3)", { eval: true });
    await new Promise((resolve) => gone.once("exit", resolve));
    // Asked to use it, detection runs elsewhere (here, on this thread: the tests have no compiled worker)
    // rather than waiting out the time limit for an answer that cannot come.
    const fact = await collectClones(
      {
        root,
        files: ["a.ts", "b.ts"],
        maxFileSize: 1 << 20,
        settings: { engine: "builtin", minTokens: null, minLines: null, timeoutMs: 2_000 },
      },
      { worker: gone },
    );
    // The functions differ in their name only: the clone runs from `(input` on line 1 to the closing brace on line 15.
    expect(fact).toEqual({
      status: "ok",
      clones: [
        {
          a: { file: "a.ts", start: 1, end: 15 },
          b: { file: "b.ts", start: 1, end: 15 },
          lines: 15,
          tokens: expect.any(Number),
          typeTokens: 0,
        },
      ],
    });
  });

  it("compares only what the parse analyses: a generated or minified copy does not hide the clone between two sources", async () => {
    const root = await temporaryDir();
    // Compared in this order, the generated and minified copies come first: their windows would be the first
    // occurrences, every match would pair with them, and those pairs are dropped with the files.
    await writeFile(join(root, "a-generated.ts"), `// @generated by a tool. DO NOT EDIT.\n${module("gen", [])}`);
    await writeFile(join(root, "a-min.js"), `${module("min", []).replace(/\n/g, " ")}${" ".repeat(2048)}\n`);
    await writeFile(join(root, "b.ts"), module("beta", []));
    await writeFile(join(root, "c.ts"), module("gamma", []));
    const pairs = await findClones({
      root,
      files: ["a-generated.ts", "a-min.js", "b.ts", "c.ts"],
      thresholds: THRESHOLDS,
    });
    // The functions differ in their name only: the clone runs from `(input` on line 1 to the closing brace on line 15.
    expect(pairs.map(({ a, b, lines }) => ({ a, b, lines }))).toEqual([
      { a: { file: "b.ts", start: 1, end: 15 }, b: { file: "c.ts", start: 1, end: 15 }, lines: 15 },
    ]);
  });
});
