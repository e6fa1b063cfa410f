import type { Facts, ModuleFacts } from "../src/facts/index.js";
import { foldIifes } from "../src/facts/modules/iife.js";
import type { ExportedSymbol, FunctionFact } from "../src/facts/modules/index.js";

/** An exported symbol with the module that exports it. */
export interface LocatedSymbol {
  module: ModuleFacts;
  symbol: ExportedSymbol;
}

/** Every exported symbol of the parsed source files, in path then source order. */
export function* exportedSymbols(facts: Facts): Generator<LocatedSymbol> {
  for (const module of facts.sources) for (const symbol of module.exports) yield { module, symbol };
}

/**
 * Whether an exported symbol is part of its package's public API: true in a
 * package whose entries are unknown (an app, scripts); otherwise true when an
 * entry exports it, directly or through re-exports (a method when its class is).
 */
export function publicApi(facts: Facts): (located: LocatedSymbol) => boolean {
  const { packages, modules } = facts.graph.api;
  const byPath = new Map(modules.map((entry) => [entry.path, entry.names]));
  const ownerDirs = facts.packages.map((pkg) => pkg.dir).sort((a, b) => b.length - a.length);
  // The nearest package.json decides: a package without known entries inside one with them is not restricted.
  const nearest = (path: string) => ownerDirs.find((dir) => dir === "" || path.startsWith(`${dir}/`)) ?? "";
  const known = new Set(packages.map((pkg) => pkg.dir));
  return ({ module, symbol }) => {
    if (!known.has(nearest(module.path))) return true;
    const names = byPath.get(module.path);
    if (names === undefined) return false;
    if (names === "*") return true;
    const name = symbol.kind === "method" ? (symbol.name.split(".")[0] ?? symbol.name) : symbol.name;
    return names.includes(name) || (symbol.isDefault && names.includes("default"));
  };
}

/** Whether `inner` is declared inside `outer`, by the nesting path of their anchors (`outer/<anonymous#1>/inner`). */
export function isInside(outer: Pick<FunctionFact, "anchor">, inner: Pick<FunctionFact, "anchor">): boolean {
  return inner.anchor.startsWith(`${outer.anchor}/`);
}

/**
 * Exported functions, function-valued variables and public methods, less the deprecated ones: a signature kept for
 * old callers is frozen, and tightening it is work on code that is going away.
 */
export function* exportedCallables(facts: Facts): Generator<LocatedSymbol> {
  for (const located of exportedSymbols(facts)) {
    if (located.symbol.signatures.length > 0 && !located.symbol.isDeprecated) yield located;
  }
}

/** "function 'parse'", "method 'Parser.parse'", "default export": how messages name a symbol. */
export function describeSymbol(symbol: ExportedSymbol): string {
  if (symbol.isDefault && symbol.name === "default")
    return symbol.kind === "variable" ? "default export" : `default ${symbol.kind}`;
  return `${symbol.kind} '${symbol.name}'`;
}

/** True for files whose types come from JSDoc rather than annotations. */
export function isJavaScript(module: ModuleFacts): boolean {
  return module.language === "js" || module.language === "jsx";
}

/** The deepest folder containing every given repo-relative path ("" for the repository root). */
export function commonFolder(paths: readonly string[]): string {
  const [first, ...rest] = paths.map((path) => path.split("/").slice(0, -1));
  if (!first) return "";
  let length = first.length;
  for (const segments of rest) {
    let shared = 0;
    while (shared < Math.min(length, segments.length) && segments[shared] === first[shared]) shared += 1;
    length = shared;
  }
  return first.slice(0, length).join("/");
}

/** A folder as messages show it: `src/shared/`, or "the repository root". */
export function describeFolder(folder: string): string {
  return folder === "" ? "the repository root" : `${folder}/`;
}

/**
 * Every function of the parsed source files, each examined with its own lines
 * (at least 1), so size and complexity checks score by lines of function code
 * with nested functions counted once. `visit` gets the weight to charge. An
 * IIFE is code of the function around it (see `foldIifes`) unless `iifes` is set.
 * A `@deprecated` export and the functions inside it are not examined: code on
 * its way out is not worth splitting or simplifying.
 */
export function examineFunctions(
  facts: Facts,
  examine: (amount: number) => void,
  visit: (module: ModuleFacts, fn: FunctionFact, weight: number) => void,
  { iifes = false }: { iifes?: boolean } = {},
): void {
  for (const module of facts.sources) {
    const functions = iifes ? module.functions : foldIifes(module.functions);
    const deprecated = deprecatedFunctions(module, functions);
    for (const fn of functions) {
      if (deprecated.some((outer) => outer === fn || isInside(outer, fn))) continue;
      const weight = Math.max(1, fn.ownLines);
      examine(weight);
      visit(module, fn, weight);
    }
  }
}

/** The functions of a module that are `@deprecated` exports (found where the export's name is). */
function deprecatedFunctions(module: ModuleFacts, functions: readonly FunctionFact[]): FunctionFact[] {
  const at = new Set(
    module.exports.filter((symbol) => symbol.isDeprecated === true).map((symbol) => `${symbol.line}:${symbol.column}`),
  );
  if (at.size === 0) return [];
  return functions.filter((fn) => at.has(`${fn.line}:${fn.column}`));
}
