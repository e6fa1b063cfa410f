import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports agent context files over the size budget. */
export default defineRule({
  id: "context/file-size",
  category: "context",
  severity: "warning",
  description: "Each agent context file stays within `maxLines` lines (default 300).",
  why: "Every line of a context file is loaded into the agent's limited context on every task, and long files go stale first.",
  weight: 1,
  effort: "small",
  action: { scope: "file", title: "Shorten {{scope}}" },
  messages: {
    tooLong: {
      message: "{{file}} has {{lines}} lines (at most {{max}})",
      fix: "Keep {{file}} to what an agent needs on every task; move long reference material into docs/ and link it, or split it into nested AGENTS.md files per package.",
    },
  },
  options: z.strictObject({
    maxLines: z.number().int().min(1).default(300),
  }),
  check({ facts, options, examine, report }) {
    for (const document of facts.context.documents) {
      if (document.kind === "readme" || document.linkedTo !== null) continue;
      examine();
      if (document.lines <= options.maxLines) continue;
      report({
        messageId: "tooLong",
        data: { file: document.path, lines: document.lines, max: options.maxLines },
        file: document.path,
        line: options.maxLines + 1,
        column: 1,
        anchor: "size",
      });
    }
  },
});
