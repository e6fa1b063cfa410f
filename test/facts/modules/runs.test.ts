import { describe, expect, it } from "vitest";
import { parseModule } from "../../../src/facts/modules/parse.js";

/** The imports of a test beyond the literal ones, as `specifier (kind) line`. */
function builtPathImports(source: string, path = "test/loader.test.ts", kind: "test" | "source" = "test"): string[] {
  return parseModule(path, kind, source)
    .imports.filter((fact) => fact.specifier.startsWith("."))
    .map((fact) => `${fact.specifier} (${fact.kind}) ${fact.line}`);
}

describe("modules fact: modules a test loads by a path it builds", () => {
  it("reads require() and import() of a path joined or resolved from the test's folder, not into a fixture", () => {
    const source = [
      'import path from "node:path";',
      'const parser = require(path.join(__dirname, "..", "src", "parser"));',
      'const lexer = await import(path.resolve(__dirname, "../src/lexer.ts"));',
      'const printer = await import(new URL("../src/printer.ts", import.meta.url).href);',
      'const cwd = require(path.resolve("src/from-cwd"));',
      "const unknown = require(path.join(__dirname, process.env.TARGET));",
      'const built = await import(path.join(import.meta.dirname, "fixtures/file-url/dist/index.js"));',
    ].join("\n");
    expect(builtPathImports(source)).toEqual([
      "../src/parser (require) 2",
      "../src/lexer.ts (dynamic) 3",
      "../src/printer.ts (dynamic) 4",
    ]);
  });

  it("reads require.resolve(), but not a path handed to a mock", () => {
    const source = [
      'const worker = new Worker(require.resolve("../src/worker"));',
      'vi.mock(require.resolve("../src/network"));',
    ].join("\n");
    expect(builtPathImports(source)).toEqual(["../src/worker (require) 1"]);
  });

  it("follows a helper's parameter to the literals its calls pass, and a loop over literals", () => {
    const source = [
      'import { join } from "node:path";',
      "function load(name: string) {",
      '  return require(join(__dirname, "..", "src", name));',
      "}",
      'load("tokens");',
      'const ROOT = join(__dirname, "../src/rules");',
      'for (const rule of ["max-lines", "no-any"]) {',
      "  require(join(ROOT, rule));",
      "}",
    ].join("\n");
    expect(builtPathImports(source)).toEqual([
      "../src/tokens (require) 5",
      "../src/rules/max-lines (require) 8",
      "../src/rules/no-any (require) 8",
    ]);
  });

  it("reads jscodeshift's defineTest(__dirname, name) as loading ../name from the test's folder", () => {
    const source = [
      'const { defineTest } = require("jscodeshift/dist/testUtils");',
      'defineTest(__dirname, "rename-import");',
      'defineTest(__dirname, "sort-keys", null, "sort-keys/objects");',
    ].join("\n");
    expect(builtPathImports(source, "transforms/__tests__/transforms-test.js")).toEqual([
      "../rename-import (require) 2",
      "../sort-keys (require) 3",
    ]);
  });

  it("leaves defineTest alone in a test that does not use jscodeshift, and built paths in product code", () => {
    expect(builtPathImports('defineTest(__dirname, "rename-import");')).toEqual([]);
    expect(
      builtPathImports('const x = require(require("path").join(__dirname, "plugin"));', "src/load.ts", "source"),
    ).toEqual([]);
  });
});
