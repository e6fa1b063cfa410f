import { z } from "zod";
import type { Position, SignatureFact } from "../../src/facts/modules/index.js";
import { defineRule } from "../define-rule.js";
import { describeSymbol, exportedCallables, isJavaScript } from "../helpers.js";

interface Problem extends Position {
  text: string;
}

/** Reports exported callables with explicit or implicit `any` in their signature. */
export default defineRule({
  id: "interfaces/no-any-in-signature",
  category: "interfaces",
  severity: "warning",
  description:
    "Exported functions and public methods have no `any`, explicit or implicit, in their parameters or return type; `@deprecated` ones are not examined.",
  why: "`any` tells an agent nothing about what to pass or what comes back, and the compiler stops checking the calls it writes.",
  weight: 3,
  effort: "small",
  action: { scope: "folder", title: "Type {{count}} signature{{s}} with `any` in {{scope}}" },
  messages: {
    any: {
      message: "Exported {{symbol}} has `any` in its signature: {{problems}}",
      fix: "Replace `any` with the real type (or `unknown` plus a type guard where the input is truly open) and type every parameter of '{{name}}'.",
    },
    anyJsDoc: {
      message: "Exported {{symbol}} has `any` in its signature: {{problems}}",
      fix: "Give '{{name}}' JSDoc types: `@param {Type} name` for each parameter and `@returns {Type}`, avoiding `*` and `any`.",
    },
  },
  options: z.strictObject({
    /** Count parameters without any type (implicitly `any`) as well as explicit `any`. */
    checkImplicit: z.boolean().default(true),
  }),
  check({ facts, options, examine, report }) {
    for (const { module, symbol } of exportedCallables(facts)) {
      examine();
      const problems = symbol.signatures.flatMap((signature) => problemsOf(signature, options.checkImplicit));
      const [first] = problems;
      if (!first) continue;
      const unique = [...new Set(problems.map((problem) => problem.text))];
      report({
        messageId: isJavaScript(module) ? "anyJsDoc" : "any",
        data: { symbol: describeSymbol(symbol), name: symbol.name, problems: unique.join("; ") },
        file: module.path,
        line: first.line,
        column: first.column,
        anchor: symbol.name,
      });
    }
  },
});

function problemsOf(signature: SignatureFact, checkImplicit: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const parameter of signature.parameters) {
    if (parameter.anyAt) {
      const what = parameter.anyIsNested === true ? "has `any` in its type" : "is `any`";
      problems.push({ ...parameter.anyAt, text: `parameter '${parameter.name}' ${what}` });
    } else if (checkImplicit && parameter.typeSource === "none") {
      problems.push({
        line: parameter.line,
        column: parameter.column,
        text: `parameter '${parameter.name}' has no type (implicitly \`any\`)`,
      });
    }
  }
  if (signature.returnAnyAt) problems.push({ ...signature.returnAnyAt, text: "the return type contains `any`" });
  return problems;
}
