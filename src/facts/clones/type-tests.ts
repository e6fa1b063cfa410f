/**
 * Clones of type tests, left out of the clones fact. Derived from the clones and the modules facts (which hold each
 * test file's type-assertion lines).
 */
import type { ModuleFacts } from "../modules/types.js";
import type { ClonePair, ClonesFact } from "./types.js";

/**
 * Without the clones of type tests: a pair whose copies are each at least half type-assertion lines
 * (`expectTypeOf(…).toEqualTypeOf<…>()`) repeats a check that must be written at each call site it checks
 * (zustand's middleware type tests: the same assertions under each middleware stack).
 */
export function withoutTypeAssertions(fact: ClonesFact, modules: readonly ModuleFacts[]): ClonesFact {
  if (fact.status !== "ok") return fact;
  const assertions = new Map<string, ReadonlySet<number>>();
  for (const module of modules) {
    if (module.typeAssertionLines) assertions.set(module.path, new Set(module.typeAssertionLines));
  }
  if (assertions.size === 0) return fact;
  const isTypeTest = (side: ClonePair["a"]): boolean => {
    const lines = assertions.get(side.file);
    if (lines === undefined) return false;
    let count = 0;
    for (let line = side.start; line <= side.end; line += 1) if (lines.has(line)) count += 1;
    return count * 2 >= side.end - side.start + 1;
  };
  return { status: "ok", clones: fact.clones.filter((pair) => !(isTypeTest(pair.a) && isTypeTest(pair.b))) };
}
