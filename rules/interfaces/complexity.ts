import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { examineFunctions } from "../helpers.js";

/** Reports functions whose cyclomatic complexity is over the limit; scores by lines of function code. */
export default defineRule({
  id: "interfaces/complexity",
  category: "interfaces",
  severity: "warning",
  description:
    "Functions in source files have a cyclomatic complexity of at most `max` (default 15); `@deprecated` exports are not examined. Scored as the share of function code in functions over the limit.",
  why: "Every extra branch is a path an agent must keep in mind to change the function without breaking one of them.",
  weight: 1,
  effort: "medium",
  action: { scope: "file", title: "Simplify {{count}} complex function{{s}} in {{scope}}" },
  messages: {
    tooComplex: {
      message: "Function '{{name}}' has a cyclomatic complexity of {{complexity}} (at most {{max}})",
      fix: "Split '{{name}}': return early on edge cases, move each branch's work into a named function, or replace a long switch with a lookup table.",
    },
  },
  options: z.strictObject({
    max: z.number().int().min(1).default(15),
  }),
  check({ facts, options, examine, report }) {
    examineFunctions(facts, examine, (module, fn, weight) => {
      if (fn.complexity <= options.max) return;
      report({
        messageId: "tooComplex",
        data: { name: fn.name, complexity: fn.complexity, max: options.max },
        file: module.path,
        line: fn.line,
        column: fn.column,
        anchor: fn.anchor,
        cost: weight,
      });
    });
  },
});
