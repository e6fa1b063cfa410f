import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports files the TypeScript parser cannot parse, at the first syntax error. */
export default defineRule({
  id: "core/parse-error",
  category: "core",
  severity: "error",
  description: "A source or test file that the TypeScript parser cannot parse.",
  why: "An agent cannot safely read or edit a file that does not parse, and every other check has to skip it.",
  weight: 0,
  effort: "small",
  messages: {
    syntaxError: {
      message: "This file does not parse: {{error}}",
      fix: "Fix the syntax error here; if the file is not meant to be JavaScript or TypeScript, list it under `ignore` in groundwork.config.json.",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    for (const module of facts.modules) {
      examine();
      if (!module.parseError) continue;
      const { line, column, message } = module.parseError;
      report({ messageId: "syntaxError", data: { error: message }, file: module.path, line, column, anchor: "file" });
    }
  },
});
