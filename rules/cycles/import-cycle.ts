import { posix } from "node:path";
import { z } from "zod";
import type { CycleGroup, GraphEdge } from "../../src/facts/index.js";
import { defineRule } from "../define-rule.js";
import { commonFolder, describeFolder } from "../helpers.js";

/** Files in cycles cost double: a loop makes every file in it depend on every other. */
const CYCLE_PENALTY = 2;
const LISTED_FILES = 8;

/** Reports each group of modules that import each other in a loop, at the import to cut. */
export default defineRule({
  id: "cycles/import-cycle",
  category: "cycles",
  severity: "warning",
  description:
    "No group of modules imports itself in a loop (a strongly connected component of runtime imports). One finding per group, at the import whose removal breaks the most loops.",
  why: "In an import loop no file can be understood or changed alone: an agent editing one file changes the behaviour, and the load order, of every other file in the loop.",
  weight: 1,
  effort: "medium",
  action: { scope: "finding", title: "Break the import cycle at {{scope}}" },
  messages: {
    cycle: {
      message: "Import cycle of {{size}} files: {{loop}}{{more}}",
      fix: "Cut the import of '{{specifier}}' in {{from}} (line {{lines}}{{names}}): it closes {{through}} of the {{counted}} loops in this group. Move what {{fromName}} uses from {{toName}} into a module both can import (for example a new file under {{home}}), or invert the dependency by passing it in as a parameter or callback.",
    },
  },
  options: z.strictObject({
    /** Groups of at most this many files are tolerated. */
    maxComponentSize: z.number().int().min(1).default(1),
  }),
  check({ facts, options, examine, report }) {
    examine(facts.graph.modules);
    for (const group of facts.graph.cycles) {
      if (group.files.length <= options.maxComponentSize) continue;
      const { edge, lines, loopsThroughCut, loopsCounted, isComplete } = group.cut;
      report({
        messageId: "cycle",
        data: {
          size: group.files.length,
          loop: group.loop.join(" → "),
          more: moreFiles(group),
          specifier: edge.specifier,
          from: edge.from,
          lines: lines.join(", "),
          names: describeNames(edge),
          through: loopsThroughCut,
          counted: isComplete ? loopsCounted : `first ${loopsCounted} counted`,
          fromName: posix.basename(edge.from),
          toName: posix.basename(edge.to),
          home: describeFolder(commonFolder([edge.from, edge.to])),
        },
        file: edge.from,
        line: edge.line,
        column: edge.column,
        anchor: group.files.join("\n"),
        cost: CYCLE_PENALTY * group.files.length,
        related: relatedSteps(group, facts.graph.edges),
      });
    }
  },
});

function moreFiles(group: CycleGroup): string {
  const others = group.files.filter((file) => !group.loop.includes(file));
  if (others.length === 0) return "";
  const listed = others.slice(0, LISTED_FILES).join(", ");
  const rest = others.length > LISTED_FILES ? ` and ${others.length - LISTED_FILES} more` : "";
  return ` (the same group also holds ${listed}${rest})`;
}

function describeNames(edge: GraphEdge): string {
  if (edge.names.length === 0) return "";
  const names = edge.names.map((name) => (name === "*" ? "everything" : name));
  return `, imports ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}`;
}

/** The other imports of the loop, each at its own line. */
function relatedSteps(
  group: CycleGroup,
  edges: readonly GraphEdge[],
): Array<{ file: string; line: number; column: number; message: string }> {
  const steps = [];
  for (let index = 1; index < group.loop.length - 1; index += 1) {
    const from = group.loop[index];
    const to = group.loop[index + 1];
    const edge = edges.find((candidate) => candidate.from === from && candidate.to === to && !candidate.isTypeOnly);
    if (edge) steps.push({ file: edge.from, line: edge.line, column: edge.column, message: `imports ${edge.to} here` });
  }
  return steps;
}
