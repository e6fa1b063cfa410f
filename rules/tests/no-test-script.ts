import { z } from "zod";
import type { PackageFact } from "../../src/facts/index.js";
import { defineRule } from "../define-rule.js";
import { findTestScript, productPackages } from "../../src/facts/context/tooling.js";

/** Reports packages with no test script, when no root script runs them either. */
export default defineRule({
  id: "tests/no-test-script",
  category: "tests",
  severity: "warning",
  description:
    "The repository's packages can be tested with one command: a `test` script (or `test:*`) in the package, or in the root package.json, which covers its workspaces. Example, fixture and benchmark packages are not checked.",
  why: "An agent that cannot find how to run the tests will either skip checking its change or guess a command that tests nothing.",
  weight: 1,
  effort: "small",
  action: { scope: "file", title: "Add a test script to {{scope}}" },
  messages: {
    missing: {
      message: "{{package}} has no test script, and no root test script covers it",
      fix: 'Add a "test" script to {{file}} that runs the test runner{{runner}}, so `npm test` checks the package.',
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    const root = facts.packages.find((manifest) => manifest.dir === "");
    const rootScript = root ? findTestScript(root) : null;
    for (const manifest of productPackages(facts.packages)) {
      examine();
      if (findTestScript(manifest) || rootScript) continue;
      const file = manifest.dir === "" ? "package.json" : `${manifest.dir}/package.json`;
      report({
        messageId: "missing",
        data: { package: describePackage(manifest), file, runner: runnerHint(manifest, facts.packages) },
        file,
        line: manifest.scriptsLine,
        column: 1,
        anchor: "test-script",
      });
    }
  },
});

function describePackage(manifest: PackageFact): string {
  if (manifest.dir === "") return manifest.name ? `The root package (${manifest.name})` : "The root package";
  return manifest.name ? `Package ${manifest.name}` : `The package in ${manifest.dir}/`;
}

function runnerHint(manifest: PackageFact, packages: readonly PackageFact[]): string {
  const runners = ["vitest", "jest", "mocha", "ava", "tap", "@playwright/test"];
  const found = runners.find(
    (runner) => manifest.dependencies.includes(runner) || packages.some((other) => other.dependencies.includes(runner)),
  );
  return found ? ` (${found === "@playwright/test" ? "playwright test" : found} is installed)` : "";
}
