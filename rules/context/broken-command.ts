import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports commands in context files and READMEs that name a script, target or binary the repository lacks. */
export default defineRule({
  id: "context/broken-command",
  category: "context",
  severity: "error",
  description:
    "Every command in AGENTS.md, CLAUDE.md (and the other context files) and READMEs resolves: `npm run X`, `npm test`, `pnpm X`, `yarn X`, `bun run X` name a script of the right workspace package, `make X` and `just X` a target, `npx tool` a dependency; and a package manager's own command (`pnpm deploy`, `bun test`) does not stand where the package's script of that name is meant.",
  why: "An agent runs the commands it is given word for word; a command that no longer exists fails its build or test step, or sends it guessing.",
  weight: 3,
  effort: "trivial",
  action: { scope: "file", title: "Fix {{count}} command{{s}} in {{scope}} that would not run" },
  messages: {
    broken: {
      message: "`{{command}}` in {{document}} does not run: {{reason}}",
      fix: "Change the command in {{document}} to one that exists (see the scripts in package.json), or restore what it names; then check it by running it once.",
    },
    shadowed: {
      message:
        '`{{command}}` in {{document}} runs {{manager}}\'s own "{{script}}" command, not the "{{script}}" script of {{file}}',
      fix: "Write `{{replacement}}` in {{document}}: {{manager}} runs a script named like one of its own commands only through `run`.",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    for (const command of facts.commands) {
      examine();
      if (command.isOk) continue;
      const at = { file: command.document, line: command.line, column: command.column, anchor: command.text };
      if (command.shadows) {
        report({
          ...at,
          messageId: "shadowed",
          data: { command: command.text, document: command.document, ...command.shadows },
        });
        continue;
      }
      report({
        ...at,
        messageId: "broken",
        data: {
          command: command.text,
          document: command.document,
          reason: command.reason ?? "it names nothing the repository has",
        },
      });
    }
  },
});
