import { z } from "zod";
import { isDataModule } from "../../src/facts/modules/data-module.js";
import { defineRule } from "../define-rule.js";
import { SPLIT_ADVICE, splitAdvice } from "../split-advice.js";

/** Reports source files over the line limit; scores by source lines (of code, by default). */
export default defineRule({
  id: "interfaces/max-file-lines",
  category: "interfaces",
  severity: "warning",
  description:
    "Source files have at most `max` lines of code (default 500; comment and blank lines aside unless `count` is `all`); a data module (at least 80% of its non-blank lines literal data) is not examined. Scored as the share of source lines in files over the limit.",
  why: "An agent reads a long file into a limited context window in pieces, and loses the parts it did not load.",
  weight: 1,
  effort: "large",
  action: { scope: "file", title: "Split {{scope}}" },
  messages: {
    // One message per way the file splits (see split-advice.ts), with its advice as the fix.
    tooLong: { message: "This file has {{lines}} {{unit}} (at most {{max}})", fix: SPLIT_ADVICE.tooLong },
    privateParts: { message: "This file has {{lines}} {{unit}} (at most {{max}})", fix: SPLIT_ADVICE.privateParts },
    tabledParts: { message: "This file has {{lines}} {{unit}} (at most {{max}})", fix: SPLIT_ADVICE.tabledParts },
    oneExport: { message: "This file has {{lines}} {{unit}} (at most {{max}})", fix: SPLIT_ADVICE.oneExport },
    declarationsOnly: {
      message: "This file has {{lines}} {{unit}} (at most {{max}})",
      fix: SPLIT_ADVICE.declarationsOnly,
    },
    oneExportClosures: {
      message: "This file has {{lines}} {{unit}} (at most {{max}})",
      fix: SPLIT_ADVICE.oneExportClosures,
    },
    oneExportNoParts: {
      message: "This file has {{lines}} {{unit}} (at most {{max}})",
      fix: SPLIT_ADVICE.oneExportNoParts,
    },
  },
  options: z.strictObject({
    max: z.number().int().min(1).default(500),
    /**
     * What counts: `code`, the lines with code on them (SonarQube's lines of code; a doc comment the doc rules ask
     * for does not push a file over), or `all`, every line (ESLint's max-lines default).
     */
    count: z.enum(["code", "all"]).default("code"),
  }),
  check({ facts, options, examine, report }) {
    for (const module of facts.sources) {
      // A union of 2,000 media types is as long as its data: there is nothing to split by responsibility.
      if (isDataModule(module)) continue;
      const lines = options.count === "code" ? module.codeLines : module.lines;
      examine(lines);
      if (lines <= options.max) continue;
      const { kind: messageId, data } = splitAdvice(module);
      report({
        messageId,
        data: { lines, unit: options.count === "code" ? "lines of code" : "lines", max: options.max, ...data },
        file: module.path,
        line: 1,
        column: 1,
        anchor: "file",
        cost: lines,
      });
    }
  },
});
