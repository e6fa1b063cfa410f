import { z } from "zod";
import { defineRule } from "../define-rule.js";
import type { ModuleFacts } from "../../src/facts/index.js";
import type { FunctionFact } from "../../src/facts/modules/index.js";
import { examineFunctions } from "../helpers.js";

/** Reports functions spanning more lines than the limit; scores by lines of function code. */
export default defineRule({
  id: "interfaces/max-function-lines",
  category: "interfaces",
  severity: "warning",
  description:
    "Functions, methods and arrow functions in source files span at most `max` lines (default 80); an immediately invoked function expression is not measured unless `iifes` is set. Scored as the share of function code in functions over the limit.",
  why: "A function longer than a screen is where an agent's edit breaks a branch it never read.",
  weight: 1,
  effort: "medium",
  messages: {
    tooLong: {
      message: "Function '{{name}}' spans {{lines}} lines (at most {{max}})",
      fix: "Extract the steps of '{{name}}' into named helper functions, each with one job, until it fits in {{max}} lines.",
    },
  },
  options: z.strictObject({
    max: z.number().int().min(1).default(80),
    /** Measure immediately invoked function expressions too (ESLint's `IIFEs`); off, their code is the enclosing function's. */
    iifes: z.boolean().default(false),
  }),
  check({ facts, options, examine, report }) {
    const measured: Array<{ module: ModuleFacts; fn: FunctionFact; weight: number }> = [];
    examineFunctions(facts, examine, (module, fn, weight) => measured.push({ module, fn, weight }), {
      iifes: options.iifes,
    });
    const longIn = new Map<ModuleFacts, FunctionFact[]>();
    for (const { module, fn } of measured) {
      if (fn.lines > options.max) longIn.set(module, [...(longIn.get(module) ?? []), fn]);
    }
    for (const { module, fn, weight } of measured) {
      if (fn.lines <= options.max || lengthBeyond(fn, longIn.get(module) ?? []) <= options.max) continue;
      report({
        messageId: "tooLong",
        data: { name: fn.name, lines: fn.lines, max: options.max },
        file: module.path,
        line: fn.line,
        column: fn.column,
        anchor: fn.anchor,
        cost: weight,
      });
    }
  },
});

/**
 * A function's length less the functions inside it that are over the limit themselves (the outermost
 * of them): those are reported on their own, and a function whose length is theirs (a hook whose body
 * returns one long callback) would only repeat them.
 */
function lengthBeyond(fn: FunctionFact, long: readonly FunctionFact[]): number {
  const inside = (outer: FunctionFact, inner: FunctionFact) =>
    inner !== outer && inner.line >= outer.line && inner.endLine <= outer.endLine && inner.lines < outer.lines;
  const nested = long.filter((inner) => inside(fn, inner));
  const outermost = nested.filter((inner) => !nested.some((other) => inside(other, inner)));
  return fn.lines - outermost.reduce((sum, inner) => sum + inner.lines, 0);
}
