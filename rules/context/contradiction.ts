import { z } from "zod";
import type { CommandCheck } from "../../src/facts/index.js";
import { isNamedFor } from "../../src/facts/context/tooling.js";
import { defineRule } from "../define-rule.js";

/** What a command is compared for, its script's name read as the feedback loop reads it (`test:lint` lints). */
const PURPOSES = ["test", "build"] as const;

/**
 * Two commands agree when they run the same script, or one's script runs the other's (`test` is `yarn test:app`,
 * `build:agent` is `node scripts/run-logged.mjs build pnpm build`), or one runs in every workspace package all the
 * scripts the other does (two scripts that both are `turbo run build`).
 */
function isSameRun(a: CommandCheck, b: CommandCheck): boolean {
  if (a.need.kind !== "script" || b.need.kind !== "script") return false;
  if (a.runs.includes(b.need.script) || b.runs.includes(a.need.script) || a.need.script === b.need.script) return true;
  return isAmong(a.tasks, b.tasks) || isAmong(b.tasks, a.tasks);
}

function isAmong(some: readonly string[], all: readonly string[]): boolean {
  return some.length > 0 && some.every((task) => all.includes(task));
}

/** Reports two context files that give different test or build commands for the same package. */
export default defineRule({
  id: "context/contradiction",
  category: "context",
  severity: "warning",
  description:
    "Agent context files agree: where two of them give the test (or build) command of the same package, they name the same script or one that runs the other. Files about different topics, and links to one file, are not compared.",
  why: "Given two test commands an agent picks one at random, and may check its work with the one that does not run everything.",
  weight: 2,
  effort: "trivial",
  action: { scope: "file", title: "Resolve {{count}} contradiction{{s}} between {{scope}} and the repository" },
  messages: {
    contradiction: {
      message: "{{second}} says to {{purpose}} {{package}} with `{{secondCommand}}`, {{first}} with `{{firstCommand}}`",
      fix: "Keep one {{purpose}} command for {{package}}: state it in AGENTS.md and make the other files link to AGENTS.md or leave the command out.",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    const contextFiles = new Set(
      facts.context.documents
        .filter((document) => document.kind !== "readme" && document.linkedTo === null)
        .map((document) => document.path),
    );
    const stated = new Map<string, Map<string, CommandCheck[]>>();
    for (const command of facts.commands) {
      if (
        !contextFiles.has(command.document) ||
        !command.isOk ||
        command.need.kind !== "script" ||
        command.packageDir === null
      )
        continue;
      const script = command.need.script;
      const purpose = PURPOSES.find((candidate) => isNamedFor(candidate, script));
      if (!purpose) continue;
      const key = `${purpose}\0${command.packageDir}`;
      const byDocument = stated.get(key) ?? new Map<string, CommandCheck[]>();
      byDocument.set(command.document, [...(byDocument.get(command.document) ?? []), command]);
      stated.set(key, byDocument);
    }
    for (const [key, byDocument] of stated) {
      if (byDocument.size < 2) continue;
      examine();
      const [purpose = "test", packageDir = ""] = key.split("\0");
      const [[first, firstCommands] = ["", []], ...others] = [...byDocument].sort(([a], [b]) => (a < b ? -1 : 1));
      const conflicting = others.find(
        ([, commands]) => !commands.some((command) => firstCommands.some((first) => isSameRun(first, command))),
      );
      if (!conflicting) continue;
      const [second, secondCommands] = conflicting;
      const secondCommand = secondCommands[0];
      if (!secondCommand) continue;
      report({
        messageId: "contradiction",
        data: {
          first,
          second,
          purpose,
          package: packageDir === "" ? "the root package" : `${packageDir}/`,
          firstCommand: firstCommands[0]?.text ?? "",
          secondCommand: secondCommand.text,
        },
        file: second,
        line: secondCommand.line,
        column: secondCommand.column,
        anchor: key,
      });
    }
  },
});
