import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { describeSymbol, exportedSymbols } from "../helpers.js";

const KINDS = ["function", "class", "method", "interface", "type", "enum", "variable", "namespace"] as const;

/** Reports exported symbols without a doc comment; scores the documented share. */
export default defineRule({
  id: "docs/exported-symbol-doc",
  category: "docs",
  severity: "warning",
  description:
    "Every exported symbol (and public method of an exported class) has a JSDoc/TSDoc comment directly above it.",
  why: "A doc comment is what an agent sees at the call site and in search results; without it the agent guesses intent from the name.",
  weight: 7,
  effort: "trivial",
  messages: {
    missing: {
      message: "Exported {{symbol}} has no doc comment",
      fix: "Add a `/** … */` comment directly above the declaration of {{symbol}}: what it is for, what it expects, and what it returns or throws.",
    },
  },
  options: z.strictObject({
    /** Symbol kinds to check. */
    kinds: z.array(z.enum(KINDS)).default([...KINDS]),
  }),
  check({ facts, options, examine, report }) {
    const kinds = new Set<string>(options.kinds);
    for (const { module, symbol } of exportedSymbols(facts)) {
      if (!kinds.has(symbol.kind)) continue;
      examine();
      if (symbol.hasDoc) continue;
      report({
        messageId: "missing",
        data: { symbol: describeSymbol(symbol) },
        file: module.path,
        line: symbol.line,
        column: symbol.column,
        anchor: `${symbol.kind}:${symbol.name}`,
      });
    }
  },
});
