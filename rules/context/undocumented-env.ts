import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports environment variables the code reads that no .env example or context file documents. */
export default defineRule({
  id: "context/undocumented-env",
  category: "context",
  severity: "warning",
  description:
    "Environment variables that product code reads (`process.env.X`, `import.meta.env.X`) are documented: in an env file (`.env.example`, `.env.development`, any `.env.*`), an agent context file, a README, CONTRIBUTING or the docs; variables the environment, the code itself or a script sets are not asked for.",
  why: "An agent that runs the code without knowing the variables it needs gets failures it cannot explain, or invents values.",
  weight: 1,
  effort: "trivial",
  action: { scope: "repository", title: "Document {{count}} environment variable{{s}} the code reads" },
  messages: {
    undocumented: {
      message: "{{name}} is read here but documented nowhere an agent looks",
      fix: "Add `{{name}}=` with an example value and a comment to .env.example (create it at the root if needed), or name it in AGENTS.md, CONTRIBUTING.md or the docs.",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    for (const variable of facts.envVars) {
      examine();
      if (variable.isDocumented) continue;
      report({
        messageId: "undocumented",
        data: { name: variable.name },
        file: variable.file,
        line: variable.line,
        column: variable.column,
        anchor: variable.name,
      });
    }
  },
});
