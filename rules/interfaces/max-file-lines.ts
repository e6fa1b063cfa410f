import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports source files over the line limit; scores by source lines. */
export default defineRule({
  id: "interfaces/max-file-lines",
  category: "interfaces",
  severity: "warning",
  description:
    "Source files have at most `max` lines (default 500). Scored as the share of source lines in files over the limit.",
  why: "An agent reads a long file into a limited context window in pieces, and loses the parts it did not load.",
  weight: 1,
  effort: "large",
  messages: {
    tooLong: {
      message: "This file has {{lines}} lines (at most {{max}})",
      fix: "Split the file by responsibility: move each cohesive group of exports into its own module and re-export them if callers need one entry point.",
    },
  },
  options: z.strictObject({
    max: z.number().int().min(1).default(500),
  }),
  check({ facts, options, examine, report }) {
    for (const module of facts.sources) {
      examine(module.lines);
      if (module.lines <= options.max) continue;
      report({
        messageId: "tooLong",
        data: { lines: module.lines, max: options.max },
        file: module.path,
        line: 1,
        column: 1,
        anchor: "file",
        cost: module.lines,
      });
    }
  },
});
