import { describe, expect, it } from "vitest";
import { parseModule } from "../../../src/facts/modules/parse.js";

function importsOf(source: string, path = "src/importer.ts") {
  return parseModule(path, "source", source).imports.map(({ specifier, kind, isTypeOnly, names, line }) => ({
    specifier,
    kind,
    isTypeOnly,
    names,
    line,
  }));
}

describe("modules fact: imports", () => {
  it("records static imports with their names", () => {
    const source = [
      'import parse from "./parse.js";',
      'import * as path from "node:path";',
      'import { readFile, writeFile as write } from "node:fs/promises";',
      'import "./polyfill.js";',
    ].join("\n");
    expect(importsOf(source)).toEqual([
      { specifier: "./parse.js", kind: "static", isTypeOnly: false, names: ["default"], line: 1 },
      { specifier: "node:path", kind: "static", isTypeOnly: false, names: ["*"], line: 2 },
      { specifier: "node:fs/promises", kind: "static", isTypeOnly: false, names: ["readFile", "writeFile"], line: 3 },
      { specifier: "./polyfill.js", kind: "static", isTypeOnly: false, names: [], line: 4 },
    ]);
  });

  it("marks `import type`, all-`type` named imports and type re-exports as type-only, but not mixed ones", () => {
    const source = [
      'import type { Order } from "./order.js";',
      'import { type Invoice, type Line } from "./invoice.js";',
      'import { type Customer, loadCustomer } from "./customer.js";',
      'export type { Ledger } from "./ledger.js";',
      'export { type Account } from "./account.js";',
    ].join("\n");
    expect(importsOf(source).map(({ specifier, isTypeOnly }) => [specifier, isTypeOnly])).toEqual([
      ["./order.js", true],
      ["./invoice.js", true],
      ["./customer.js", false],
      ["./ledger.js", true],
      ["./account.js", true],
    ]);
  });

  it("records re-exports, dynamic imports and requires with literal specifiers only", () => {
    const source = [
      'export * from "./all.js";',
      'export { total as sum } from "./maths.js";',
      "export async function load(name: string): Promise<unknown> {",
      '  const fixed = await import("./plugin.js");',
      "  const chosen = await import(name);",
      "  return [fixed, chosen];",
      "}",
      'const legacy = require("./legacy.cjs");',
      "const computed = require(legacy.name);",
      'import config = require("./config.cjs");',
    ].join("\n");
    expect(importsOf(source)).toEqual([
      { specifier: "./all.js", kind: "reexport", isTypeOnly: false, names: ["*"], line: 1 },
      { specifier: "./maths.js", kind: "reexport", isTypeOnly: false, names: ["total"], line: 2 },
      { specifier: "./config.cjs", kind: "require", isTypeOnly: false, names: ["*"], line: 10 },
      { specifier: "./plugin.js", kind: "dynamic", isTypeOnly: false, names: ["*"], line: 4 },
      { specifier: "./legacy.cjs", kind: "require", isTypeOnly: false, names: ["*"], line: 8 },
    ]);
  });

  it("treats `import('x')` in a type position as a type-only import", () => {
    const source = 'export type Loader = typeof import("./loader.js").load;\n';
    expect(importsOf(source)).toEqual([
      { specifier: "./loader.js", kind: "static", isTypeOnly: true, names: ["load"], line: 1 },
    ]);
  });
});
