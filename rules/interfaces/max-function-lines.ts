import { z } from "zod";
import { defineRule } from "../define-rule.js";
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
    examineFunctions(
      facts,
      examine,
      (module, fn, weight) => {
        if (fn.lines <= options.max) return;
        report({
          messageId: "tooLong",
          data: { name: fn.name, lines: fn.lines, max: options.max },
          file: module.path,
          line: fn.line,
          column: fn.column,
          anchor: fn.anchor,
          cost: weight,
        });
      },
      { iifes: options.iifes },
    );
  },
});
