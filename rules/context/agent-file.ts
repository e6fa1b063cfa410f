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
      fix: "Move the content to AGENTS.md and make {{files}} a link to it (`ln -s AGENTS.md CLAUDE.md`), so every agent reads the same instructions.",
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
    if (!hasAgentsMd && others.length > 0) {
      const files = others.map((document) => document.path);
      report({
        messageId: "notAgentsMd",
        data: { files: files.join(", "), verb: files.length === 1 ? "is" : "are" },
        file: files[0] ?? "AGENTS.md",
        line: 1,
        column: 1,
        anchor: "not-agents-md",
        cost: 0,
      });
    }
  },
});
