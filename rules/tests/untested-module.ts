import { posix } from "node:path";
import { z } from "zod";
import type { Facts, ModuleFacts } from "../../src/facts/index.js";
import { createPlacement, type Placement } from "../../src/facts/tests/placement.js";
import { defineRule } from "../define-rule.js";

/** A file reached only through other modules earns half the credit of a directly tested one. */
const TRANSITIVE_CREDIT = 0.5;

/** Reports source files no test reaches (or, with a coverage report, that too few lines of run). */
export default defineRule({
  id: "tests/untested-module",
  category: "tests",
  severity: "warning",
  description:
    "Every source file with code is exercised by tests: imported by a test (mapped from the import graph) or, with a coverage report, run for at least `minLineCoverage` percent of its lines. A module whose every export is `@deprecated` is not examined.",
  why: "Without a test that runs a module, an agent cannot check that its change kept the module working, and it will not know it broke it.",
  weight: 4,
  effort: "medium",
  action: { scope: "file", title: "Add a test that imports {{scope}}" },
  messages: {
    untested: {
      message:
        "No test reaches {{file}} ({{lines}} lines{{churn}}): no test imports it, directly or through other modules",
      fix: "{{addTest}} that imports {{name}} and exercises its exports{{exports}}.",
    },
    indirect: {
      message: "{{file}} ({{lines}} lines{{churn}}) is only reached by tests through other modules",
      fix: "{{addTest}} that imports {{name}} directly, so its behaviour is checked where it is defined{{exports}}.",
      severity: "info",
    },
    e2e: {
      message:
        "{{file}} ({{lines}} lines{{churn}}) is only reached by e2e tests: {{runner}} drives the app that `{{command}}` serves ({{config}})",
      fix: "{{addTest}} that imports {{name}} directly, so its behaviour is checked without a browser{{exports}}.",
      severity: "info",
    },
    uncovered: {
      message: "{{file}} ({{lines}} lines{{churn}}) has no line covered in {{report}}",
      fix: "{{addTest}} that imports {{name}} and exercises its exports{{exports}}, then regenerate the coverage report.",
    },
    lowCoverage: {
      message: "{{file}} has {{coverage}}% line coverage in {{report}} (at least {{min}}% expected)",
      fix: "Extend the tests of {{name}} to run its uncovered branches{{exports}}, then regenerate the coverage report.",
    },
  },
  options: z.strictObject({
    /** With a coverage report: files below this line coverage (percent) are reported; any gap still costs score. */
    minLineCoverage: z.number().min(0).max(100).default(50),
  }),
  check({ facts, options, examine, report, charge }) {
    const map = facts.tests;
    const modules = new Map(facts.modules.map((module) => [module.path, module]));
    const placement = createPlacement({
      modules: facts.modules,
      packages: facts.packages,
      paths: facts.inventory.files.map((file) => file.path),
      runners: map.runners,
      edges: facts.graph.edges,
    });
    for (const path of map.testable) {
      const module = modules.get(path);
      // A module whose every export is deprecated is kept for old callers until it is removed: no new tests.
      if (!module || isDeprecatedModule(module)) continue;
      examine(module.lines);
      const data = describe(module, facts, placement);
      const at = { file: path, line: 1, column: 1, anchor: "file" };
      if (map.coverage) {
        const ratio = map.coverage.get(path) ?? 0;
        const cost = module.lines * (1 - ratio);
        const reportName = facts.coverage.status === "ok" ? facts.coverage.report : "the coverage report";
        if (ratio === 0) report({ ...at, messageId: "uncovered", data: { ...data, report: reportName }, cost });
        else if (ratio * 100 < options.minLineCoverage) {
          const coverage = Math.round(ratio * 1000) / 10;
          report({
            ...at,
            messageId: "lowCoverage",
            data: { ...data, report: reportName, coverage, min: options.minLineCoverage },
            cost,
          });
        } else charge(cost);
      } else if (map.direct.has(path)) {
        continue;
      } else if (map.e2e.has(path)) {
        const app = map.e2e.get(path);
        const served = { runner: app?.runner ?? "", config: app?.config ?? "", command: app?.command ?? "" };
        report({
          ...at,
          messageId: "e2e",
          data: { ...data, ...served },
          cost: module.lines * (1 - TRANSITIVE_CREDIT),
        });
      } else if (map.transitive.has(path)) {
        report({ ...at, messageId: "indirect", data, cost: module.lines * (1 - TRANSITIVE_CREDIT) });
      } else {
        report({ ...at, messageId: "untested", data, cost: module.lines });
      }
    }
  },
});

function isDeprecatedModule(module: ModuleFacts): boolean {
  return module.exports.length > 0 && module.exports.every((symbol) => symbol.isDeprecated);
}

/**
 * The test to add, as the fix says it: at the path the repository's habit gives and its runner collects
 * (src/facts/tests/placement.ts), in the namesake test there when one exists that does not import the module yet,
 * or, when no habit gives such a path, in a file matching the runner's patterns.
 */
function addTestFor(module: ModuleFacts, placement: Placement): string {
  const proposal = placement.propose(module.path);
  if (proposal.testFile !== null)
    return proposal.exists ? `In ${proposal.testFile}, add a test` : `Add ${proposal.testFile}`;
  const [first] = proposal.patterns;
  if (!first) return `Add a test of ${posix.basename(module.path)}`;
  const globs = first.include
    .slice(0, 2)
    .map((glob) => `\`${glob}\``)
    .join(" or ");
  return `Add a test file matching ${globs} (${first.runner}, ${first.config})`;
}

function describe(module: ModuleFacts, facts: Facts, placement: Placement): Record<string, string | number> {
  const history = facts.history.status === "ok" ? facts.history.files.get(module.path) : undefined;
  const exported = module.exports
    .filter((symbol) => symbol.kind === "function" || symbol.kind === "class")
    .map((symbol) => symbol.name);
  return {
    file: module.path,
    name: posix.basename(module.path),
    lines: module.lines,
    // A file only swept (formatted, renamed, imported in bulk) has no change of its own to name.
    churn:
      history && history.commits > 0 ? `, changed in ${history.commits} commit${history.commits === 1 ? "" : "s"}` : "",
    addTest: addTestFor(module, placement),
    exports: exported.length > 0 ? ` (${exported.slice(0, 4).join(", ")}${exported.length > 4 ? ", …" : ""})` : "",
  };
}
