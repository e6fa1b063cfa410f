import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/index.js";
import { categoryOf, temporaryDir } from "../helpers/fixtures.js";
import { writeFiles } from "../helpers/git.js";

// Two exported functions: loose has an untyped parameter and no return type; strict is typed throughout.
const FILES = {
  "package.json": '{ "name": "metrics", "private": true }\n',
  "src/api.ts": [
    "/** Echoes. */",
    "export function loose(value) {",
    "  const same = value;",
    "  return same;",
    "}",
    "",
    "/** Doubles. */",
    "export function strict(value: number): number {",
    "  const doubled = value * 2;",
    "  return doubled;",
    "}",
    "",
  ].join("\n"),
};

describe("interfaces metrics", () => {
  it("are the signature rules' own counts, with their options", async () => {
    const dir = await temporaryDir();
    await writeFiles(dir, FILES);
    const plain = categoryOf(await analyze({ root: dir, config: {} }), "interfaces").metrics;
    expect(plain).toMatchObject({ exportedFunctions: 2, explicitReturnType: 1, anyInSignature: 1 });
    // checkImplicit off: an untyped parameter is no `any` for the rule, nor for the figure (it was still 1).
    const explicitOnly = await analyze({
      root: dir,
      config: { rules: { "interfaces/no-any-in-signature": { options: { checkImplicit: false } } } },
    });
    expect(categoryOf(explicitOnly, "interfaces").metrics).toMatchObject({ anyInSignature: 0 });
    // A rule turned off: the figure is read from the facts.
    const off = await analyze({ root: dir, config: { rules: { "interfaces/no-any-in-signature": "off" } } });
    expect(categoryOf(off, "interfaces").metrics).toMatchObject({ exportedFunctions: 2, anyInSignature: 1 });
  });
});
