import { describe, expect, it } from "vitest";
import { collectClones, findClones } from "../../../src/facts/clones/index.js";
import { tokenize } from "../../../src/facts/clones/tokens.js";
import { fixturePath } from "../../helpers/fixtures.js";

const ICONS = ["src/icons/arrow-down-icon.tsx", "src/icons/arrow-up-icon.tsx", "src/icons/create-icon.tsx"];

describe("tokenizer in the JSX variant", () => {
  it("reads an element's tag, attributes, text and closing tag as the parser does", () => {
    const tokens = tokenize("view.tsx", 'const view = <div className="card">hello</div>;\n');
    // const view = < div className = "card" > hello < / div > ;   15: `</` counts as `<` and `/`, as in jscpd
    expect(tokens.hashes.length).toBe(15);
    // Both `<` are one token kind, and so are the `/` of `</div>` and of `/>`.
    expect(tokens.hashes[10]).toBe(tokens.hashes[3]);
    expect(tokens.hashes[11]).toBe(tokenize("b.tsx", "const b = <br />;\n").hashes[5]);
  });

  it("reads a hyphenated attribute name as one name", () => {
    // const link = < a aria-label = "close" / > ;   11
    expect(tokenize("link.tsx", 'const link = <a aria-label="close" />;\n').hashes.length).toBe(11);
  });

  it("gives JSX text the same token however it is laid out, without the whitespace around it", () => {
    const inline = tokenize("a.tsx", "const a = <p><b /> some words </p>;\n");
    const indented = tokenize("b.tsx", "const a = (\n  <p>\n    <b />\n    some words\n  </p>\n);\n");
    // const a = < p > < b / > some words < / p > ;          16: the text is token 10
    // const a = ( < p > ␣ < b / > some words < / p > ) ;    19: the text is token 12 (␣: the whitespace between tags)
    expect([inline.hashes.length, indented.hashes.length]).toEqual([16, 19]);
    expect(indented.hashes[12]).toBe(inline.hashes[10]);
    // The text starts and ends on the line of its words.
    expect([indented.startLines[12], indented.endLines[12]]).toEqual([4, 4]);
  });

  it("reads the whitespace between tags as one token of its kind, whatever the indentation", () => {
    const narrow = tokenize("a.tsx", "const a = (\n  <p>\n    <b />\n  </p>\n);\n");
    const wide = tokenize("b.tsx", "const a = (\n        <p>\n                <b />\n        </p>\n);\n");
    // const a = ( < p > ␣ < b / > ␣ < / p > ) ;   19
    expect(narrow.hashes.length).toBe(19);
    expect(Array.from(wide.hashes)).toEqual(Array.from(narrow.hashes));
  });

  it("reads a `<` that belongs to a type as code, and the element after it as JSX", () => {
    const text = ["const run = (cb: <T>(x: T) => T) => cb;", "const label = <b>bold</b>;", ""].join("\n");
    const tokens = tokenize("types.tsx", text);
    // const run = ( cb : < T > ( x : T ) => T ) => cb ;   20
    // const label = < b > bold < / b > ;                    12
    expect(Array.from(tokens.startLines)).toEqual([...Array<number>(20).fill(1), ...Array<number>(12).fill(2)]);
  });

  it("keeps TypeScript files in the standard variant, where `<T>value` is a type assertion", () => {
    const text = 'const cast = <T>value; const tag = "</T>";\n';
    // const cast = < T > value ; const tag = "</T>" ;   13
    expect(tokenize("cast.ts", text).hashes.length).toBe(13);
    // Read as JSX the same text is an element: const cast = < T > `value; const tag = "` < / T > `";`   12
    expect(tokenize("cast.tsx", text).hashes.length).toBe(12);
  });
});

describe("clones in JSX markup", () => {
  // The two icons differ in their name (line 3) and the path's `d` (line 6); from the `/>` after it to the
  // closing `);` they are the same: / > ␣ < / g > ␣ < defs > ␣ < clipPath id = "frame" > ␣
  // < rect width = "20" height = "20" fill = "#fff" / > ␣ < / clipPath > ␣ < / defs > ␣ < / > , iconProps , ) ;
  // 2 + 1 + 4 + 1 + 3 + 1 + 6 + 1 + 13 + 1 + 4 + 1 + 4 + 1 + 4 + 2 + 2 = 51 tokens (␣: whitespace between tags).
  const pair = {
    a: { file: "src/icons/arrow-down-icon.tsx", start: 6, end: 15 },
    b: { file: "src/icons/arrow-up-icon.tsx", start: 6, end: 15 },
    lines: 10,
    tokens: 51,
  };

  it("finds the shared markup of two icons, above the 50-token threshold", async () => {
    const pairs = await findClones({
      root: fixturePath("duplication/jsx-clone"),
      files: ICONS,
      thresholds: { minTokens: 50, minLines: 5 },
    });
    expect(pairs).toEqual([{ ...pair, typeTokens: 0 }]);
  });

  it("counts the clone's tokens as jscpd does", async () => {
    const fact = await collectClones({
      root: fixturePath("duplication/jsx-clone"),
      files: ICONS,
      maxFileSize: 1 << 20,
      settings: { engine: "jscpd", minTokens: null, minLines: null, timeoutMs: 60_000 },
    });
    expect(fact).toEqual({ status: "ok", clones: [{ ...pair, typeTokens: null }] });
  });
});
