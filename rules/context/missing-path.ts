import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports repository paths a context file mentions that do not exist. */
export default defineRule({
  id: "context/missing-path",
  category: "context",
  severity: "warning",
  description:
    "Every repository path an agent context file mentions (in a code span or a relative link) exists: beside the file, from the repository root, in a workspace package, or as the end of a path in the tree.",
  why: "An agent told to look in a folder that was renamed or deleted searches for it, or worse, recreates it.",
  weight: 2,
  effort: "trivial",
  action: { scope: "file", title: "Fix {{count}} path{{s}} in {{scope}} that lead nowhere" },
  messages: {
    missing: {
      message: "{{document}} mentions {{path}}, which does not exist",
      fix: "Update {{document}} to the path's current location, or remove the mention if the thing it named is gone.",
    },
    moved: {
      message: "{{document}} mentions {{path}}, which does not exist ({{suggestion}} does)",
      fix: "Update {{document}} to {{suggestion}} if that is what it means, or remove the mention if the thing it named is gone.",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    const checked = new Set(
      facts.context.documents.filter((document) => document.kind !== "readme").map((document) => document.path),
    );
    for (const mention of facts.paths) {
      // Paths git ignores, build output, refs and specifiers are not the repository's to keep: not counted.
      if (!checked.has(mention.document) || mention.resolution.status === "exempt") continue;
      examine();
      if (mention.resolution.status !== "missing") continue;
      const suggestion = mention.resolution.suggestion;
      report({
        messageId: suggestion === null ? "missing" : "moved",
        data: { document: mention.document, path: mention.path, ...(suggestion === null ? {} : { suggestion }) },
        file: mention.document,
        line: mention.line,
        column: mention.column,
        anchor: mention.path,
      });
    }
  },
});
