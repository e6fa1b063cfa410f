import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { describeSymbol, exportedSymbols, publicApi } from "../helpers.js";

const KINDS = ["function", "class", "method", "interface", "type", "enum", "variable", "namespace"] as const;

const CALLABLE_ADVICE = "what it does, what it expects, and what it returns or throws";
const ADVICE: Record<(typeof KINDS)[number], string> = {
  function: CALLABLE_ADVICE,
  method: CALLABLE_ADVICE,
  class: "what it represents, what it is responsible for, and how to create one",
  interface: "what it describes and where it is used",
  type: "what it describes and where it is used",
  enum: "what the values mean and where they are used",
  variable: "what it holds and how it is meant to be used",
  namespace: "what it groups and why",
};

/** Names of exports that may change without notice (React's and zustand's `unstable_`, `experimental_`). */
const UNSETTLED_NAME = /^(?:unstable_|experimental_)/i;

/** Reports exported symbols without a doc comment; scores the documented share. */
export default defineRule({
  id: "docs/exported-symbol-doc",
  category: "docs",
  severity: "warning",
  description:
    "Every symbol of the public API (and public method of an exported class) has a JSDoc/TSDoc comment directly above it; `unstable_` and `experimental_` exports are not examined.",
  why: "A doc comment is what an agent sees at the call site and in search results; without it the agent guesses intent from the name.",
  weight: 7,
  effort: "trivial",
  action: { scope: "folder", title: "Document {{count}} exported symbol{{s}} in {{scope}}" },
  messages: {
    missing: {
      message: "Exported {{symbol}} has no doc comment",
      fix: "Add a `/** … */` comment directly above the declaration of {{symbol}}: {{advice}}.",
    },
  },
  options: z.strictObject({
    /** Symbol kinds to check. */
    kinds: z.array(z.enum(KINDS)).default([...KINDS]),
    /**
     * Functions and type aliases declared in fewer lines are not examined: a one-line
     * `(value) => value === undefined` or `type Map = WeakMap<Atom, State>` shows all it does
     * where it is found (as eslint-plugin-jsdoc's `minLineCount`). Neither are functions and
     * methods whose body is one statement on one line (`{ return this.on("GET", route, handler) }`,
     * which formatters wrap over three lines). 1 examines them all.
     */
    minLines: z.number().int().min(1).default(2),
    /**
     * `public`: in a package whose package.json names its entries (`exports`, `main`, …), only the
     * symbols an entry exports, directly or through re-exports, are examined; the exports of its
     * internal modules are seen where they are declared by the code that imports them. Packages
     * without known entries (apps, scripts) have every export examined. `all`: every export.
     */
    api: z.enum(["public", "all"]).default("public"),
  }),
  check({ facts, options, examine, report }) {
    const kinds = new Set<string>(options.kinds);
    const isPublic = options.api === "public" ? publicApi(facts) : () => true;
    for (const located of exportedSymbols(facts)) {
      const { module, symbol } = located;
      if (!kinds.has(symbol.kind) || !isPublic(located)) continue;
      // A one-statement body wrapped by a formatter is a one-line function laid out over three lines.
      const isShort =
        ((symbol.kind === "function" || symbol.kind === "type") && (symbol.lines ?? Infinity) < options.minLines) ||
        (options.minLines > 1 && symbol.isOneStatement === true);
      // `unstable_` and `experimental_` exports say they may change without notice: documented once they settle.
      if (isShort || UNSETTLED_NAME.test(symbol.name)) continue;
      examine();
      // An interface with a doc comment on each member (PersistOptions and its options) is documented by them.
      if (symbol.hasDoc || symbol.hasDocumentedMembers === true) continue;
      report({
        messageId: "missing",
        data: { symbol: describeSymbol(symbol), advice: ADVICE[symbol.kind] },
        file: module.path,
        line: symbol.line,
        column: symbol.column,
        anchor: `${symbol.kind}:${symbol.name}`,
      });
    }
  },
});
