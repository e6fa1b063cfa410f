import { z } from "zod";
import type { HotspotFact } from "../../src/facts/index.js";
import { defineRule } from "../define-rule.js";

/** Reports the most-changed complex files that are also hard to change safely. */
export default defineRule({
  id: "hotspots/hotspot",
  category: "hotspots",
  severity: "warning",
  description:
    "Files that change often are easy to work in: not complex, and tested. Scored as the share of changes in the window that land in risky files; the top hotspots with a risk are reported.",
  why: "Agents are sent where the changes are: a file that changes every week and is complex or untested is where their edits most often go wrong.",
  weight: 1,
  effort: "large",
  messages: {
    hotspot: {
      message:
        "Hotspot: {{file}} changed in {{commits}} by {{authors}} in {{window}}, complexity {{complexity}}, and it is {{risks}}",
      fix: "Make {{file}} safer to change, as it is where agents will be sent most often: {{advice}}.",
    },
  },
  options: z.strictObject({
    /** Files with a hotspot score (0–100, change frequency × complexity, relative to the repository) below this are not reported. */
    minScore: z.number().min(0).max(100).default(10),
    /** Files changed in fewer commits than this in the window are not hotspots, whatever their score. */
    minCommits: z.number().int().min(1).default(3),
    /** At most this many hotspots are reported (the rest still count in the score). */
    top: z.number().int().min(0).default(10),
  }),
  check({ facts, options, examine, report, charge }) {
    if (facts.history.status !== "ok") return;
    const window = facts.history.window.length;
    let reported = 0;
    for (const hotspot of facts.hotspots) {
      examine(hotspot.commits);
      const cost = hotspot.commits < options.minCommits ? 0 : hotspot.commits * hotspot.risk;
      if (cost === 0) continue;
      if (hotspot.score < options.minScore || reported >= options.top) {
        charge(cost);
        continue;
      }
      reported += 1;
      report({
        messageId: "hotspot",
        data: {
          file: hotspot.file,
          commits: `${hotspot.commits} commit${hotspot.commits === 1 ? "" : "s"}`,
          authors: `${hotspot.authors} author${hotspot.authors === 1 ? "" : "s"}`,
          window,
          complexity: hotspot.complexity,
          risks: risks(hotspot),
          advice: advice(hotspot),
        },
        file: hotspot.file,
        line: 1,
        column: 1,
        anchor: "file",
        cost,
      });
    }
  },
});

function risks(hotspot: HotspotFact): string {
  const parts = [hotspot.isComplex ? "complex" : "", hotspot.isUntested ? "untested" : ""].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
}

function advice(hotspot: HotspotFact): string {
  const steps: string[] = [];
  if (hotspot.isComplex) {
    const where = hotspot.complexFunctions.length > 0 ? ` (start with ${hotspot.complexFunctions.join(", ")})` : "";
    steps.push(`split it along its responsibilities${where}`);
  }
  if (hotspot.isUntested) steps.push("add tests that import it");
  return steps.join("; ");
}
