import { z } from "zod";
import { defineRule } from "../define-rule.js";

/** Reports a coverage report that is older than the code it covers, or that cannot be read. */
export default defineRule({
  id: "tests/coverage-report",
  category: "tests",
  severity: "warning",
  description:
    "A coverage report, when there is one, is current (not older than the newest change to a file it covers) and readable. Does not change the score.",
  why: "A stale or broken report tells an agent that code is tested when it is not, or hides the coverage that exists.",
  weight: 0,
  effort: "trivial",
  action: { scope: "file", title: "Fix the coverage report {{scope}}" },
  messages: {
    stale: {
      message: "The coverage report {{report}} is older than {{file}}, a file it covers",
      fix: "Regenerate the report (run the tests with coverage) before scanning, or delete it so Groundwork maps tests from imports instead.",
    },
    unreadable: {
      message: "The coverage report {{report}} cannot be read: {{reason}}; tests were mapped from imports instead",
      fix: "Regenerate the report with the test runner's lcov or json reporter, or point `coverage.report` in groundwork.config.json at a valid one.",
    },
  },
  options: z.strictObject({}),
  check({ facts, report }) {
    const coverage = facts.coverage;
    if (coverage.status === "ok" && coverage.isStale && coverage.newerFile) {
      const file = coverage.report.startsWith("/") ? coverage.newerFile : coverage.report;
      report({
        messageId: "stale",
        data: { report: coverage.report, file: coverage.newerFile },
        file,
        line: 1,
        column: 1,
        anchor: "stale",
      });
    } else if (coverage.status === "unreadable") {
      const file = coverage.report.startsWith("/") ? "package.json" : coverage.report;
      report({
        messageId: "unreadable",
        data: { report: coverage.report, reason: coverage.reason },
        file,
        line: 1,
        column: 1,
        anchor: "unreadable",
      });
    }
  },
});
