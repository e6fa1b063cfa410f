import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { describeSymbol, exportedCallables } from "../helpers.js";

/** Reports exported callables with more parameters than the limit. */
export default defineRule({
  id: "interfaces/max-params",
  category: "interfaces",
  severity: "warning",
  description:
    "Exported functions and public methods take at most `max` parameters (default 4); `@deprecated` ones are not examined.",
  why: "Long positional parameter lists are where agents swap arguments of the same type without any error.",
  weight: 1,
  effort: "medium",
  action: { scope: "folder", title: "Group the parameters of {{count}} function{{s}} in {{scope}}" },
  messages: {
    tooMany: {
      message: "Exported {{symbol}} takes {{count}} parameters (at most {{max}})",
      fix: "Group the parameters of '{{name}}' after the first one or two into a typed options object, so every argument is named at the call site.",
    },
  },
  options: z.strictObject({
    max: z.number().int().min(0).default(4),
  }),
  check({ facts, options, examine, report }) {
    for (const { module, symbol } of exportedCallables(facts)) {
      examine();
      const count = Math.max(...symbol.signatures.map((signature) => signature.parameters.length));
      if (count <= options.max) continue;
      report({
        messageId: "tooMany",
        data: { symbol: describeSymbol(symbol), name: symbol.name, count, max: options.max },
        file: module.path,
        line: symbol.line,
        column: symbol.column,
        anchor: symbol.name,
      });
    }
  },
});
