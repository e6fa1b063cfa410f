import { posix } from "node:path";
import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports repository paths a context file mentions that do not exist. */
export default defineRule({
  id: "context/missing-path",
  category: "context",
  severity: "warning",
  description:
    "Every repository path an agent context file mentions (in a code span or a relative link) exists, relative to the file or to the repository root.",
  why: "An agent told to look in a folder that was renamed or deleted searches for it, or worse, recreates it.",
  weight: 2,
  effort: "trivial",
  messages: {
    missing: {
      message: "{{document}} mentions {{path}}, which does not exist",
      fix: "Update {{document}} to the path's current location, or remove the mention if the thing it named is gone.",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    const files = [...facts.inventory.files, ...facts.inventory.skipped].map((file) => file.path);
    const known = new Set(files);
    const folders = new Set(files.flatMap((path) => ancestors(path)));
    const exists = (path: string): boolean => known.has(path) || folders.has(path);
    for (const document of facts.context.documents) {
      if (document.kind === "readme" || document.linkedTo !== null) continue;
      for (const mention of document.paths) {
        examine();
        const cleaned = mention.path.replace(/^\.\//, "").replace(/\/$/, "");
        const candidates = [posix.normalize(posix.join(document.dir, cleaned)), posix.normalize(cleaned)];
        if (candidates.some(exists)) continue;
        report({
          messageId: "missing",
          data: { document: document.path, path: mention.path },
          file: document.path,
          line: mention.line,
          column: mention.column,
          anchor: mention.path,
        });
      }
    }
  },
});

function ancestors(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join("/"));
}
