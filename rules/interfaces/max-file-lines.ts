import { z } from "zod";
import type { ModuleFacts } from "../../src/facts/index.js";
import { isDataModule } from "../../src/facts/modules/data-module.js";
import { foldIifes } from "../../src/facts/modules/iife.js";
import { defineRule } from "../define-rule.js";
import { isInside } from "../helpers.js";

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
  messages: {
    tooLong: {
      message: "This file has {{lines}} {{unit}} (at most {{max}})",
      fix: "Split the file by responsibility: move each cohesive group of exports into its own module and re-export them if callers need one entry point.",
    },
    oneExport: {
      message: "This file has {{lines}} {{unit}} (at most {{max}})",
      fix: "The file is essentially one export, {{name}}, so it does not split by exports: move the largest parts it is built from into modules of their own beside it and import them ({{parts}}).",
    },
    declarationsOnly: {
      message: "This file has {{lines}} {{unit}} (at most {{max}})",
      fix: "The file holds declarations and data only, no functions: split them by topic into modules beside it (re-exported from this one if callers need one entry point), or generate the long lists from a data file.",
    },
    oneExportClosures: {
      message: "This file has {{lines}} {{unit}} (at most {{max}})",
      fix: "The file is essentially one export, {{name}}, built from functions inside it ({{parts}}): they are closures over its local variables, so they move out only once the state they share is one object they take as an argument (a context or a store); then move them into modules of their own beside it{{also}}.",
    },
    oneExportNoParts: {
      message: "This file has {{lines}} {{unit}} (at most {{max}})",
      fix: "The file is essentially one export, {{name}}, so it does not split by exports: extract its largest self-contained blocks into helper functions in modules of their own beside it, and import them.",
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
      const { messageId, data } = splitAdvice(module);
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

/** An export whose function spans this share of the file is the file, for the advice. */
const DOMINANT_SHARE = 0.75;

/**
 * How the file splits: by its exports when it has several; when it has one (a hook, a class, a
 * component), by the largest functions it is built from, other than the export itself.
 */
function splitAdvice(module: ModuleFacts): {
  messageId: "tooLong" | "oneExport" | "oneExportClosures" | "oneExportNoParts" | "declarationsOnly";
  data: Record<string, string>;
} {
  if (module.functions.length === 0) return { messageId: "declarationsOnly", data: {} };
  const names = new Set(module.exports.map((symbol) => symbol.name.split(".")[0] ?? symbol.name));
  // An IIFE is no part to move out; the functions inside it are.
  const functions = foldIifes(module.functions);
  // One export that is most of the file (a 2,000-line factory beside its types) splits as a single one does.
  const dominant = functions.find((fn) => names.has(fn.name) && fn.lines >= DOMINANT_SHARE * module.lines);
  const only = dominant?.name ?? (names.size === 1 ? [...names][0] : undefined);
  if (only === undefined) return { messageId: "tooLong", data: {} };
  const name = `'${only}'`;
  const parts: ModuleFacts["functions"] = [];
  const candidates = functions
    .filter((fn) => fn.name !== only && !fn.name.startsWith(`${only}.`) && fn.name !== "(anonymous)")
    .sort((a, b) => b.lines - a.lines || a.line - b.line);
  for (const fn of candidates) {
    // A function inside a part already named moves with it.
    if (parts.length === 3) break;
    if (!parts.some((part) => isInside(part, fn))) parts.push(fn);
  }
  if (parts.length === 0) return { messageId: "oneExportNoParts", data: { name } };
  const list = (chosen: typeof parts) => chosen.map((fn) => `'${fn.name}', lines ${fn.line}-${fn.endLine}`).join("; ");
  // A function declared inside the export's own function reads its local variables: no move as it stands.
  const owner = functions.find((fn) => fn.name === only);
  const isClosure = (fn: (typeof parts)[number]) => owner !== undefined && isInside(owner, fn);
  const closures = parts.filter(isClosure);
  const movable = parts.filter((fn) => !isClosure(fn));
  if (closures.length === 0) return { messageId: "oneExport", data: { name, parts: list(parts) } };
  const also = movable.length > 0 ? `, and the module-level functions (${list(movable)}) as they are` : "";
  return { messageId: "oneExportClosures", data: { name, parts: list(closures), also } };
}
