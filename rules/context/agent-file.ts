import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports a repository with no agent context file, or only empty ones. */
export default defineRule({
  id: "context/agent-file",
  category: "context",
  severity: "warning",
  description:
    "The repository has a non-empty agent context file: AGENTS.md (recommended, at the root or nested), CLAUDE.md, GEMINI.md, .github/copilot-instructions.md, .cursorrules or .cursor/rules/, .windsurfrules.",
  why: "Without a context file an agent starts every task by guessing the commands, conventions and no-go areas a team member would have told it.",
  weight: 4,
  effort: "small",
  action: { scope: "finding", title: "Set up the agent context file {{scope}}" },
  messages: {
    missing: {
      message: "The repository has no agent context file (AGENTS.md, CLAUDE.md, …)",
      fix: "Create AGENTS.md at the root (`groundwork init` writes one from verified facts): how to install, build, test and lint, the layout, the conventions and the areas to handle with care.",
    },
    empty: {
      message: "{{file}} is empty",
      fix: "Write the file (or run `groundwork init --force` to scaffold it from verified facts): an empty context file tells an agent nothing while looking like it does.",
    },
    notAgentsMd: {
      message: "{{files}} {{verb}} read by one agent only; AGENTS.md is read by most",
      fix: "Move the instructions every agent needs into AGENTS.md and keep in {{files}} only what is specific to that agent{{claude}}. Never make one a symbolic link to the other: agents write through links.",
      severity: "info",
    },
    scopedOnly: {
      message:
        "{{files}} {{verb}} scoped to some files and read by one agent only; no context file applies to every task",
      fix: "Add an AGENTS.md at the root with what every task needs (how to install, build, test and lint, and what not to touch); the scoped rules can stay as they are.",
      severity: "info",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    if (facts.inventory.files.length === 0) return;
    examine();
    const documents = facts.context.documents.filter((document) => document.kind !== "readme");
    if (documents.length === 0) {
      report({ messageId: "missing", file: "AGENTS.md", line: 1, column: 1, anchor: "missing" });
      return;
    }
    const nonEmpty = documents.filter((document) => !document.isEmpty);
    for (const document of documents.filter((candidate) => candidate.isEmpty && candidate.linkedTo === null)) {
      const isOnly = nonEmpty.length === 0 && document === documents.find((candidate) => candidate.linkedTo === null);
      report({
        messageId: "empty",
        data: { file: document.path },
        file: document.path,
        line: 1,
        column: 1,
        anchor: "empty",
        cost: isOnly ? 1 : 0,
      });
    }
    const hasAgentsMd = documents.some((document) => document.kind === "agents" && !document.isEmpty);
    const others = nonEmpty.filter((document) => document.linkedTo === null);
    // Rules scoped to some files (Cursor `globs:`, Copilot `applyTo:`) have no place in AGENTS.md.
    const general = others.filter((document) => document.scope.length === 0);
    if (!hasAgentsMd && others.length > 0) {
      const files = (general.length > 0 ? general : others).map((document) => document.path);
      const shown =
        files.length > 3 ? `${files.slice(0, 3).join(", ")} and ${files.length - 3} more` : files.join(", ");
      const hasClaude = general.some((document) => document.kind === "claude");
      report({
        messageId: general.length > 0 ? "notAgentsMd" : "scopedOnly",
        data: {
          files: shown,
          verb: files.length === 1 ? "is" : "are",
          claude: hasClaude ? " (a line `@AGENTS.md` in CLAUDE.md imports it for Claude Code)" : "",
        },
        file: files[0] ?? "AGENTS.md",
        line: 1,
        column: 1,
        anchor: "not-agents-md",
        cost: 0,
      });
    }
  },
});
