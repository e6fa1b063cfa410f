import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports source files that keep changing together though neither imports the other. */
export default defineRule({
  id: "hotspots/hidden-coupling",
  category: "hotspots",
  severity: "warning",
  description:
    "Source files that change together in many commits (config `history.minSharedCommits`, default 5, and `minCouplingDegree`, default half their commits) are connected by an import path, so the coupling is visible in the code.",
  why: "When two files must change together but neither imports the other, an agent editing one has no way to know the other needs the same change.",
  weight: 1,
  effort: "medium",
  action: { scope: "finding", title: "Make the coupling of {{scope}} visible" },
  messages: {
    hidden: {
      message:
        "{{first}} and {{second}} changed together in {{shared}} commits ({{degree}}% of their changes) but neither imports the other",
      fix: "Make the dependency explicit: move what both encode (a shared format, constant or schema) into one module that both import, or document the pairing in both files.",
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    for (const pair of facts.coupling) {
      examine();
      if (pair.hasImportPath) continue;
      const [first, second] = pair.files;
      report({
        messageId: "hidden",
        data: { first, second, shared: pair.shared, degree: Math.round(pair.degree * 100) },
        file: first,
        line: 1,
        column: 1,
        anchor: second,
        related: [{ file: second, line: 1, column: 1, message: `changes together with ${first}` }],
      });
    }
  },
});
