import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { describeSymbol, exportedCallables, isJavaScript } from "../helpers.js";

/** Reports exported callables without a declared return type. */
export default defineRule({
  id: "interfaces/explicit-return-type",
  category: "interfaces",
  severity: "warning",
  description: "Exported functions and public methods declare their return type; `@deprecated` ones are not examined.",
  why: "Without a declared return type an agent must read the whole body, and every function it calls, to learn what comes back.",
  weight: 3,
  effort: "trivial",
  action: { scope: "folder", title: "Declare the return type of {{count}} exported function{{s}} in {{scope}}" },
  messages: {
    missing: {
      message: "Exported {{symbol}} has no declared return type",
      fix: "Declare the return type of '{{name}}' on its signature (`): Type {`), so callers and agents see the contract without reading the body.",
    },
    missingJsDoc: {
      message: "Exported {{symbol}} has no declared return type",
      fix: "Add a JSDoc `@returns {Type}` tag to '{{name}}' (or type the whole function with `@type`), so callers and agents see what it returns.",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    for (const { module, symbol } of exportedCallables(facts)) {
      examine();
      if (symbol.signatures.every((signature) => signature.returnType !== "none")) continue;
      report({
        messageId: isJavaScript(module) ? "missingJsDoc" : "missing",
        data: { symbol: describeSymbol(symbol), name: symbol.name },
        file: module.path,
        line: symbol.line,
        column: symbol.column,
        anchor: symbol.name,
      });
    }
  },
});
