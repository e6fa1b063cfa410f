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
  action: { scope: "file", title: "Fix the syntax error{{s}} in {{scope}}" },
  messages: {
    syntaxError: {
      message: "This file does not parse: {{error}}",
      fix: "Fix the syntax error here; if the file is not meant to be JavaScript or TypeScript, list it under `ignore` in groundwork.config.json.",
    },
    tooDeep: {
      message: "This file nests deeper than the parser can follow, even on a 64 MB stack; nothing in it was analysed",
      fix: "Break the deepest expression or statement into named parts; if the file is generated, list it under `ignore` (or `classify.generated`) in groundwork.config.json.",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    for (const module of facts.modules) {
      examine();
      if (!module.parseError) continue;
      const { line, column, message, tooDeep } = module.parseError;
      if (tooDeep) report({ messageId: "tooDeep", file: module.path, line, column, anchor: "file" });
      else
        report({ messageId: "syntaxError", data: { error: message }, file: module.path, line, column, anchor: "file" });
    }
  },
});
