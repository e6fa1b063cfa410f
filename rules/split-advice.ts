/**
 * How a long module splits, in words: by its exports, by the parts its one export is built from, or by topic for
 * declarations. The file-length rule gives it as its fix, and a hotspot that is long as what to do first, so the
 * two never advise different splits of one file.
 */
import type { ModuleFacts } from "../src/facts/index.js";
import { foldIifes } from "../src/facts/modules/iife.js";
import { fill } from "../src/template.js";
import { isInside } from "./helpers.js";

/** The ways a long module splits. */
export type SplitKind =
  | "tooLong"
  | "privateParts"
  | "tabledParts"
  | "oneExport"
  | "oneExportClosures"
  | "oneExportNoParts"
  | "declarationsOnly";

/** The advice for each way, with `{{name}}`, `{{parts}}` and `{{also}}` to fill (the file-length rule's fixes). */
export const SPLIT_ADVICE: Record<SplitKind, string> = {
  tooLong:
    "Split the file by responsibility: move each cohesive group of exports into its own module and re-export them if callers need one entry point.",
  privateParts:
    "Most of the file is functions it does not export: move each cohesive group of them into a module of its own beside it and import them, starting with the largest ({{parts}}).",
  tabledParts:
    "Most of the file is functions it hands out through an array or object of parts (the largest: {{parts}}), reached from outside through that table, not private helpers: move each cohesive group of them into a module of its own beside it and import them back into the table, passing in or moving along the module state they use.",
  oneExport:
    "The file is essentially one export, {{name}}, so it does not split by exports: move the largest parts it is built from into modules of their own beside it and import them ({{parts}}).",
  oneExportClosures:
    "The file is essentially one export, {{name}}, built from functions inside it ({{parts}}): they are closures over its local state, its parts already, and moving them out would thread that state through every call; shorten the longest of them where one holds a step of its own{{also}}.",
  oneExportNoParts:
    "The file is essentially one export, {{name}}, so it does not split by exports: extract its largest self-contained blocks into helper functions in modules of their own beside it, and import them.",
  declarationsOnly:
    "The file holds declarations and data only, no functions: split them by topic into modules beside it (re-exported from this one if callers need one entry point), or generate the long lists from a data file.",
};

/** How the module splits, the data its advice is filled with, and the advice as a sentence. */
export function splitAdvice(module: ModuleFacts): { kind: SplitKind; data: Record<string, string>; advice: string } {
  const { kind, data } = splitKind(module);
  const advice = fill(SPLIT_ADVICE[kind], data);
  return { kind, data, advice };
}

/** An export whose function spans this share of the file is the file, for the advice. */
const DOMINANT_SHARE = 0.75;

/**
 * How the file splits: by its exports when it has several; when it has one (a hook, a class, a
 * component), by the largest functions it is built from, other than the export itself.
 */
function splitKind(module: ModuleFacts): { kind: SplitKind; data: Record<string, string> } {
  if (module.functions.length === 0) return { kind: "declarationsOnly", data: {} };
  const names = new Set(module.exports.map((symbol) => symbol.name.split(".")[0] ?? symbol.name));
  // An IIFE is no part to move out; the functions inside it are.
  const functions = foldIifes(module.functions);
  // One export that is most of the file (a 2,000-line factory beside its types) splits as a single one does.
  // The export may be hidden from the API (`@internal`: trpc's createRootHooks), and so not among the names.
  const dominant = functions.find(
    (fn) => (names.has(fn.name) || !fn.anchor.includes("/")) && fn.lines >= DOMINANT_SHARE * module.lines,
  );
  const only = dominant?.name ?? (names.size === 1 ? [...names][0] : undefined);
  if (only === undefined) return byExports(module, functions, names);
  const name = `'${only}'`;
  const parts: ModuleFacts["functions"] = [];
  const candidates = functions
    .filter((fn) => fn.name !== only && !fn.name.startsWith(`${only}.`) && fn.name !== "(anonymous)")
    .sort((a, b) => b.lines - a.lines || a.line - b.line);
  for (const fn of candidates) {
    // A function inside a part already named moves with it.
    if (parts.length === 3) break;
    if (!parts.some((part) => isInside(part, fn))) parts.push(fn);
  }
  if (parts.length === 0) return { kind: "oneExportNoParts", data: { name } };
  const list = (chosen: typeof parts) => chosen.map((fn) => `'${fn.name}', lines ${fn.line}-${fn.endLine}`).join("; ");
  // A function declared inside the export's own function that reads its variables does not move as it stands; one
  // that reads none of them does (valtio's set operations), as a module-level function does.
  const owner = functions.find((fn) => fn.name === only);
  const isInOwner = (fn: (typeof parts)[number]) => owner !== undefined && isInside(owner, fn);
  const closures = parts.filter((fn) => isInOwner(fn) && fn.readsOuter === true);
  if (closures.length === 0) return { kind: "oneExport", data: { name, parts: list(parts) } };
  const inner = parts.filter((fn) => isInOwner(fn) && fn.readsOuter !== true);
  const outer = parts.filter((fn) => !isInOwner(fn));
  const movers = [
    ...(inner.length > 0 ? [`the functions inside it that read none of its variables (${list(inner)})`] : []),
    ...(outer.length > 0 ? [`the module-level functions (${list(outer)})`] : []),
  ];
  const also =
    movers.length > 0 ? `; move ${movers.join(" and ")} into modules of their own beside it, as they are` : "";
  return { kind: "oneExportClosures", data: { name, parts: list(closures), also } };
}

/**
 * A module of several exports whose bulk is functions it does not export splits by those functions, named; else
 * by its exports. Functions it puts in an array or object as values are not private, and when they are most of
 * those (jotai's internals.ts: building blocks of 60 to 180 lines handed out in one table by position, which
 * callers may replace) the file does not split by moving them out.
 */
function byExports(
  module: ModuleFacts,
  functions: ModuleFacts["functions"],
  names: ReadonlySet<string>,
): { kind: SplitKind; data: Record<string, string> } {
  const unexported = functions.filter(
    (fn) => !fn.anchor.includes("/") && !names.has(fn.name) && fn.name !== "(anonymous)",
  );
  const tabled = new Set(module.tabled ?? []);
  const lines = unexported.reduce((sum, fn) => sum + fn.lines, 0);
  if (lines * 2 <= module.lines) return { kind: "tooLong", data: {} };
  const largest = (parts: typeof unexported) =>
    [...parts]
      .sort((a, b) => b.lines - a.lines || a.line - b.line)
      .slice(0, 3)
      .map((fn) => `'${fn.name}', lines ${fn.line}-${fn.endLine}`)
      .join("; ");
  // Handed out through a table, they are reached from outside as much as the exports are.
  const inTable = unexported.filter((fn) => tabled.has(fn.name));
  if (inTable.reduce((sum, fn) => sum + fn.lines, 0) * 2 > lines)
    return { kind: "tabledParts", data: { parts: largest(inTable) } };
  return { kind: "privateParts", data: { parts: largest(unexported.filter((fn) => !tabled.has(fn.name))) } };
}
