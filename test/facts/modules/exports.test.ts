import { describe, expect, it } from "vitest";
import { parseModule } from "../../../src/facts/modules/parse.js";

function exportsOf(source: string, path = "src/module.ts") {
  return parseModule(path, "source", source).exports.map(({ name, kind, isDefault, hasDoc, line, column }) => ({
    name,
    kind,
    isDefault,
    hasDoc,
    at: `${line}:${column}`,
  }));
}

describe("modules fact: exported symbols", () => {
  it("lists each kind of declaration once, with merged declarations and overloads as one symbol", () => {
    const source = [
      "export function pad(value: string): string;", // 1
      "export function pad(value: number): string;", // 2
      "export function pad(value: string | number): string {", // 3
      "  return String(value);",
      "}",
      "export interface Shape { width: number }", // 6
      "export interface Shape { height: number }", // 7
      "export type Size = number;", // 8
      "export enum Unit { Px }", // 9
      "export namespace Geometry { export const origin = 0; }", // 10
      "export const ratio = 1.5, scale = (factor: number): number => factor;", // 11
      "export let mutable = 1;", // 12
    ].join("\n");
    expect(exportsOf(source)).toEqual([
      { name: "pad", kind: "function", isDefault: false, hasDoc: false, at: "1:17" },
      { name: "Shape", kind: "interface", isDefault: false, hasDoc: false, at: "6:18" },
      { name: "Size", kind: "type", isDefault: false, hasDoc: false, at: "8:13" },
      { name: "Unit", kind: "enum", isDefault: false, hasDoc: false, at: "9:13" },
      { name: "Geometry", kind: "namespace", isDefault: false, hasDoc: false, at: "10:18" },
      { name: "ratio", kind: "variable", isDefault: false, hasDoc: false, at: "11:14" },
      { name: "scale", kind: "function", isDefault: false, hasDoc: false, at: "11:27" },
      { name: "mutable", kind: "variable", isDefault: false, hasDoc: false, at: "12:12" },
    ]);
  });

  it("reads overload signatures, not the implementation", () => {
    const source = [
      "export function pad(value: string): string;",
      "export function pad(value: number, width: number): string;",
      "export function pad(value: any, width?: any) {",
      "  return String(value) + String(width);",
      "}",
    ].join("\n");
    const [pad] = parseModule("src/pad.ts", "source", source).exports;
    expect(pad?.signatures.map((signature) => signature.parameters.map((parameter) => parameter.name))).toEqual([
      ["value"],
      ["value", "width"],
    ]);
    expect(pad?.signatures.every((signature) => signature.returnType === "annotation")).toBe(true);
  });

  it("includes public methods and function-valued fields of exported classes, not private, protected or #private ones", () => {
    const source = [
      "/** A cart. */",
      "export class Cart {",
      "  /** Adds an item. */",
      "  add(item: string): void {}",
      "  static empty(): Cart { return new Cart(); }",
      "  onChange = (count: number): void => {};",
      "  private audit(): void {}",
      "  protected notify(): void {}",
      "  #secret(): void {}",
      "  get size(): number { return 0; }",
      "}",
      "class Internal { visible(): void {} }",
    ].join("\n");
    expect(exportsOf(source)).toEqual([
      { name: "Cart", kind: "class", isDefault: false, hasDoc: true, at: "2:14" },
      { name: "Cart.add", kind: "method", isDefault: false, hasDoc: true, at: "4:3" },
      { name: "Cart.empty", kind: "method", isDefault: false, hasDoc: false, at: "5:10" },
      { name: "Cart.onChange", kind: "method", isDefault: false, hasDoc: false, at: "6:3" },
    ]);
  });

  it("follows local export lists and default exports to their declarations", () => {
    const source = [
      "/** Totals. */",
      "function total(values: number[]): number { return values.length; }",
      "const hidden = 1;",
      "class Report {}",
      'import { imported } from "./elsewhere.js";',
      "export { total, total as sum, imported };",
      "export default Report;",
    ].join("\n");
    expect(exportsOf(source)).toEqual([
      { name: "total", kind: "function", isDefault: false, hasDoc: true, at: "2:10" },
      { name: "Report", kind: "class", isDefault: true, hasDoc: false, at: "4:7" },
    ]);
  });

  it("names anonymous default exports `default`", () => {
    expect(exportsOf("export default function (): void {}\n")).toEqual([
      { name: "default", kind: "function", isDefault: true, hasDoc: false, at: "1:8" },
    ]);
    expect(exportsOf("/** Settings. */\nexport default { retries: 3 };\n")).toEqual([
      { name: "default", kind: "variable", isDefault: true, hasDoc: true, at: "2:1" },
    ]);
  });

  it("reads CommonJS exports in JavaScript files", () => {
    const source = [
      "/** Adds. */",
      "function add(a, b) { return a + b; }",
      "const VERSION = 2;",
      "module.exports = {",
      "  add,",
      "  /** Subtracts. */",
      "  subtract: function (a, b) { return a - b; },",
      "  VERSION,",
      "};",
      "exports.multiply = (a, b) => a * b;",
    ].join("\n");
    expect(exportsOf(source, "lib/maths.cjs")).toEqual([
      { name: "add", kind: "function", isDefault: false, hasDoc: true, at: "2:10" },
      { name: "subtract", kind: "function", isDefault: false, hasDoc: true, at: "7:3" },
      { name: "VERSION", kind: "variable", isDefault: false, hasDoc: false, at: "3:7" },
      { name: "multiply", kind: "function", isDefault: false, hasDoc: false, at: "10:9" },
    ]);
  });

  it("types callables from annotations, context, initialisers and JSDoc", () => {
    const typescript = [
      "type Handler = (event: string) => void;",
      "export const onEvent: Handler = (event) => {};",
      "export function retry(times = 3, task): void {}",
    ].join("\n");
    const [onEvent, retry] = parseModule("src/events.ts", "source", typescript).exports;
    expect(onEvent?.signatures[0]).toMatchObject({
      returnType: "contextual",
      parameters: [{ name: "event", typeSource: "contextual" }],
    });
    expect(retry?.signatures[0]?.parameters.map((parameter) => parameter.typeSource)).toEqual(["initializer", "none"]);

    const javascript = [
      "/**",
      " * @param {string} name",
      " * @returns {string}",
      " */",
      "export function greet(name) { return name; }",
    ].join("\n");
    const [greet] = parseModule("src/greet.js", "source", javascript).exports;
    expect(greet?.signatures[0]).toMatchObject({
      returnType: "jsdoc",
      parameters: [{ name: "name", typeSource: "jsdoc", anyAt: null }],
    });
  });

  it("leaves out symbols tagged @internal, @private, @package, @ignore or @hidden", () => {
    const source = [
      "/** @internal */",
      "export function hidden(): void {}",
      "export class Service {",
      "  /** @private */",
      "  _reset(): void {}",
      "  /**",
      "   * Starts the service.",
      "   * @package",
      "   */",
      "  start(): void {}",
      "  stop(): void {}",
      "}",
    ].join("\n");
    expect(exportsOf(source).map((symbol) => symbol.name)).toEqual(["Service", "Service.stop"]);
  });

  it("leaves out names that say they are internal: a leading underscore, an INTERNAL_ or internal_ prefix", () => {
    const source = [
      "export const _cache = new Map<string, number>();",
      "export function __private(): void {}",
      "export type INTERNAL_State = { count: number };",
      "export function internal_flush(): void {}",
      "interface State { count: number }",
      "export type { State as INTERNAL_StateAlias };",
      "function implementation(): void {}",
      "export { implementation as run, implementation as _run };",
      "export function unstable_batch(): void {}",
      "export function UNSAFE_read(): void {}",
      "export const _ = (value: number): number => value;",
      "export class _Registry { add(): void {} }",
      "export class Registry {",
      "  _reset(): void {}",
      "  INTERNAL_flush(): void {}",
      "  add(): void {}",
      "}",
      "export default function _main(): void {}",
    ].join("\n");
    expect(exportsOf(source).map((symbol) => symbol.name)).toEqual([
      "run",
      "unstable_batch",
      "UNSAFE_read",
      "_",
      "Registry",
      "Registry.add",
      "_main",
    ]);
  });

  it("leaves out CommonJS exports whose names say they are internal", () => {
    const source = "module.exports = { _parse: (text) => text, parse: (text) => text };\nexports.__reset = () => {};\n";
    expect(exportsOf(source, "lib/parse.cjs").map((symbol) => symbol.name)).toEqual(["parse"]);
  });

  it("reads a detached block before the first statement as the file's doc, not the symbol's", () => {
    const source = "/** Ledger maths. */\n\nexport function first(): void {}\n";
    expect(exportsOf(source)).toEqual([
      { name: "first", kind: "function", isDefault: false, hasDoc: false, at: "3:17" },
    ]);
    expect(parseModule("src/module.ts", "source", source).hasFileDoc).toBe(true);
  });

  it("lists each name a destructuring export binds, as a variable documented by the statement's comment", () => {
    const source = [
      "/** Hooks of the scoped store. */", // 1
      "export const { useValue, useSetter: useSetValue, store = fallback } = scope;", // 2
      "export const [first, , third = 3, ...others] = values;", // 3
      "export const { theme: { colour, sizes: [small] }, ...rest } = settings;", // 4
      "const { local } = settings;", // 5
      "export { local as renamed };", // 6
      "const [handler] = handlers;", // 7
      "export default handler;", // 8
    ].join("\n");
    expect(exportsOf(source)).toEqual([
      { name: "useValue", kind: "variable", isDefault: false, hasDoc: true, at: "2:16" },
      { name: "useSetValue", kind: "variable", isDefault: false, hasDoc: true, at: "2:37" },
      { name: "store", kind: "variable", isDefault: false, hasDoc: true, at: "2:50" },
      { name: "first", kind: "variable", isDefault: false, hasDoc: false, at: "3:15" },
      { name: "third", kind: "variable", isDefault: false, hasDoc: false, at: "3:24" },
      { name: "others", kind: "variable", isDefault: false, hasDoc: false, at: "3:38" },
      { name: "colour", kind: "variable", isDefault: false, hasDoc: false, at: "4:25" },
      { name: "small", kind: "variable", isDefault: false, hasDoc: false, at: "4:41" },
      { name: "rest", kind: "variable", isDefault: false, hasDoc: false, at: "4:54" },
      { name: "renamed", kind: "variable", isDefault: false, hasDoc: false, at: "5:9" },
      { name: "handler", kind: "variable", isDefault: true, hasDoc: false, at: "7:8" },
    ]);
  });

  it("gives destructured bindings no signature, even with a function as the default, as for `export const x = y.z`", () => {
    const source =
      "export const { onError = (error: unknown) => error } = handlers;\nexport const onClose = handlers.onClose;\n";
    expect(
      parseModule("src/handlers.ts", "source", source).exports.map(({ name, kind, signatures }) => ({
        name,
        kind,
        signatures,
      })),
    ).toEqual([
      { name: "onError", kind: "variable", signatures: [] },
      { name: "onClose", kind: "variable", signatures: [] },
    ]);
  });

  it("takes the nearest JSDoc block as the doc when only line comments or plain blocks follow it", () => {
    const source = [
      "export const first = 1;", // 1
      "/** Parses. */", // 2
      "// eslint-disable-next-line no-console", // 3
      "export function parse(): void {}", // 4
      "/** Formats. */", // 5
      "", // 6
      "// TODO: locale", // 7
      "/* istanbul ignore next */", // 8
      "export function format(): void {}", // 9
      "/** Older. */", // 10
      "/** */", // 11
      "// @__NO_SIDE_EFFECTS__", // 12
      "export function empty(): void {}", // 13
      "/** @license MIT */", // 14
      "// biome-ignore lint: reason", // 15
      "export function licensed(): void {}", // 16
      "/** @internal */", // 17
      "// eslint-disable-next-line no-console", // 18
      "export function hidden(): void {}", // 19
    ].join("\n");
    expect(exportsOf(source).map(({ name, hasDoc }) => [name, hasDoc])).toEqual([
      ["first", false],
      ["parse", true],
      ["format", true],
      ["empty", false],
      ["licensed", false],
    ]);
  });

  it("before the first statement, a JSDoc block and the directives after it document the statement; a blank line gives it to the file", () => {
    const attached = "/** Parses. */\n// eslint-disable-next-line no-console\nexport function parse(): void {}\n";
    expect(exportsOf(attached).map(({ name, hasDoc }) => [name, hasDoc])).toEqual([["parse", true]]);
    expect(parseModule("src/module.ts", "source", attached).hasFileDoc).toBe(false);

    const header =
      "/** Parsing helpers. */\n\n// eslint-disable-next-line no-console\nexport function parse(): void {}\n";
    expect(exportsOf(header).map(({ name, hasDoc }) => [name, hasDoc])).toEqual([["parse", false]]);
    expect(parseModule("src/module.ts", "source", header).hasFileDoc).toBe(true);

    // TypeScript attaches a block to the statement it leads: a header over an import documents no export.
    const banner =
      '/** Parsing helpers. */\nimport { read } from "./read.js";\n// TODO: streams\nexport function parse(): void {}\n';
    expect(exportsOf(banner).map(({ name, hasDoc }) => [name, hasDoc])).toEqual([["parse", false]]);
    expect(parseModule("src/module.ts", "source", banner).hasFileDoc).toBe(true);
  });

  it("does not list exports of test files", () => {
    expect(parseModule("src/cart.test.ts", "test", "export const helper = 1;\n").exports).toEqual([]);
  });
});
