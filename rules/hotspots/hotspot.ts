import { z } from "zod";
import type { HotspotFact, ModuleFacts } from "../../src/facts/index.js";
import { andList } from "../../src/format.js";
import { defineRule } from "../define-rule.js";
import { splitAdvice } from "../split-advice.js";

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
  action: {
    scope: "file",
    title: "Make {{scope}}, a hotspot, safer to change",
    absorbs: ["interfaces/max-file-lines", "interfaces/complexity", "interfaces/max-function-lines"],
  },
  messages: {
    hotspot: {
      message:
        "Hotspot: {{file}} changed in {{commits}} by {{authors}} in {{window}}, complexity {{complexity}}, and it is {{risks}}",
      fix: "Make {{file}} safer to change ({{often}}): {{advice}}.",
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
    const modules = new Map(facts.sources.map((module) => [module.path, module]));
    let reported = 0;
    const changes = facts.hotspots.map((entry) => entry.commits);
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
          advice: advice(hotspot, modules.get(hotspot.file)),
          often: changeRank(hotspot.commits, changes),
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

/**
 * Where a file stands by commits among the changed source files: "the most changed source file, …", "the 7th most
 * changed of 40 source files" (files with as many commits share a rank).
 */
function changeRank(commits: number, all: readonly number[]): string {
  const rank = 1 + all.filter((other) => other > commits).length;
  if (rank === 1) return "the most changed source file, where agents are sent most";
  const suffix = rank % 100 >= 11 && rank % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][rank % 10] ?? "th");
  return `the ${rank}${suffix} most changed of ${all.length} source files`;
}

/** What makes the file risky, with the figure behind each: `long (998 lines of code)`, `complex (createError: 22)`. */
function risks(hotspot: HotspotFact): string {
  const parts: string[] = [];
  if (hotspot.isLong) parts.push(`long (${hotspot.lines} ${hotspot.count === "code" ? "lines of code" : "lines"})`);
  else if (hotspot.isComplex)
    parts.push(`complex (${hotspot.complexFunctions.join(", ").replace(/ \((\d+)\)/g, ": $1")})`);
  if (hotspot.isUntested) parts.push("untested");
  return andList(parts);
}

/**
 * A long file splits as the file-length rule says it does (one helper words both); a short one with a complex
 * function has nothing to split (h3's 160-line error.ts: one class and createError): the function is what to
 * simplify.
 */
function advice(hotspot: HotspotFact, module: ModuleFacts | undefined): string {
  const steps: string[] = [];
  if (hotspot.isLong && module !== undefined) {
    const { advice: split } = splitAdvice(module);
    steps.push(`${split.charAt(0).toLowerCase()}${split.slice(1).replace(/\.$/, "")}`);
  } else if (hotspot.isComplex) {
    const names = hotspot.complexFunctions.map((entry) => entry.replace(/ \(\d+\)$/, ""));
    steps.push(
      `simplify ${andList(names)}: move each branch's work into a named function, or replace a long chain of conditions with a lookup table`,
    );
  }
  if (hotspot.isUntested) steps.push("add tests that import it");
  return steps.join("; ");
}
