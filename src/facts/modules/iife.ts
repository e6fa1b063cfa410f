/**
 * Functions as the size and complexity checks measure them: an immediately invoked function expression is not a
 * function of its own. A module wraps a class in one for tree-shaking (`export const X = (() => { … })()`), a
 * function computes a value in one; either way its body is code of what surrounds it.
 */
import type { FunctionFact } from "./types.js";

/**
 * The functions without their IIFEs: an IIFE's own lines and decisions count in the function around it (at the
 * top level, in none, as other module-level code does), and the functions inside it stay as they are. The facts
 * are not changed; the functions that take in an IIFE are copies.
 */
export function foldIifes(functions: readonly FunctionFact[]): FunctionFact[] {
  if (!functions.some((fn) => fn.isIife)) return [...functions];
  const kept = functions.filter((fn) => !fn.isIife).map((fn) => ({ ...fn }));
  const byAnchor = new Map(kept.map((fn) => [fn.anchor, fn]));
  for (const iife of functions) {
    if (!iife.isIife) continue;
    const host = enclosing(iife.anchor, byAnchor);
    if (!host) continue;
    host.ownLines += iife.ownLines;
    // Its base 1 is the host's own; its decisions are the host's branches.
    host.complexity += iife.complexity - 1;
  }
  return kept;
}

/** The nearest function around an anchor (`outer/<anonymous#1>` is inside `outer`) that is not an IIFE. */
function enclosing(anchor: string, byAnchor: ReadonlyMap<string, FunctionFact>): FunctionFact | undefined {
  for (let at = anchor.lastIndexOf("/"); at > 0; at = anchor.lastIndexOf("/", at - 1)) {
    const host = byAnchor.get(anchor.slice(0, at));
    if (host) return host;
  }
  return undefined;
}
