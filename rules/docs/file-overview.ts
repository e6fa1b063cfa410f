import { z } from "zod";
import { isDataModule } from "../../src/facts/modules/data-module.js";
import type { ModuleFacts } from "../../src/facts/index.js";
import { defineRule } from "../define-rule.js";

/** Reports large modules without a file-level doc comment. */
export default defineRule({
  id: "docs/file-overview",
  category: "docs",
  severity: "warning",
  description:
    "Source files longer than `minLines` (default 300) open with a file-level doc comment; a data module (at least 80% of its non-blank lines literal data), one whose every export has a doc comment, one of type declarations only, or one named after one of its exports (`useFieldArray.ts`, `devtools.ts`: that export's doc comment is its overview) is not examined.",
  why: "In a large module an agent needs a summary of what lives there before deciding which part to read.",
  weight: 1,
  effort: "trivial",
  action: { scope: "folder", title: "Give {{count}} module{{s}} in {{scope}} a file overview" },
  messages: {
    missing: {
      message: "This {{lines}}-line module has no file-level doc comment",
      fix: "Open the file with a comment (a `/** … */` block followed by a blank line, or tagged `@file`) that says what the module is responsible for and what it is not.",
    },
  },
  options: z.strictObject({
    minLines: z.number().int().min(1).default(300),
  }),
  check({ facts, options, examine, report }) {
    for (const module of facts.sources) {
      // A table of literals says what it is; a summary would repeat its name. A module whose every export has a
      // doc comment is summed up by them where an agent reads first (one documented hook, a list of documented
      // getters): an overview would repeat them.
      // A module named after one of its exports is about that export: its doc comment is where an agent looks for
      // the summary, and the doc-comment rule asks for it; an overview would say the same a second time.
      // A module of type declarations only is a catalogue: its path and its types' names say what it holds (h3's
      // types/http/headers.ts, a table of header names and their values).
      const isExplained =
        module.exports.length > 0 &&
        (module.exports.every((symbol) => symbol.hasDoc) || isNamesake(module) || isTypesOnly(module));
      if (module.lines <= options.minLines || isDataModule(module) || isExplained) continue;
      examine();
      if (module.hasFileDoc) continue;
      report({
        messageId: "missing",
        data: { lines: module.lines },
        file: module.path,
        line: 1,
        column: 1,
        anchor: "file",
      });
    }
  },
});

/** Exports only interfaces and type aliases, and declares no function. */
function isTypesOnly(module: ModuleFacts): boolean {
  return (
    module.functions.length === 0 &&
    module.exports.every((symbol) => symbol.kind === "interface" || symbol.kind === "type")
  );
}

/** The file's name, less its extensions, is one of its exports' names, letter case and `-`/`_`/`.` aside. */
function isNamesake(module: ModuleFacts): boolean {
  const base = module.path.slice(module.path.lastIndexOf("/") + 1).split(".")[0] ?? "";
  const name = normalise(base);
  return name !== "" && module.exports.some((symbol) => !symbol.name.includes(".") && normalise(symbol.name) === name);
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}
