import { z } from "zod";
import type { Facts } from "../../src/facts/index.js";
import { findScriptFor, productPackages } from "../../src/facts/context/tooling.js";
import { defineRule } from "../define-rule.js";

/** Reports the parts of the build-test-lint loop an agent cannot run. */
export default defineRule({
  id: "context/feedback-loop",
  category: "context",
  severity: "warning",
  description:
    "An agent can check its own work: scripts for test, build (when TypeScript is compiled), lint and type-check (scripts named by convention, `build:esm`, `test:unit`, or running the tool); a lockfile; a CI workflow; strict TypeScript.",
  why: "An agent can only verify what the repository lets it run; each missing step is a class of mistake it will hand back to a reviewer.",
  weight: 3,
  effort: "small",
  messages: {
    test: {
      message: "No script runs the tests",
      fix: 'Add a "test" script to package.json that runs the test runner.',
    },
    build: {
      message: "TypeScript is compiled but no script builds it",
      fix: 'Add a "build" script (for example `tsc -p tsconfig.json`).',
    },
    lint: {
      message: "No script runs a linter{{configured}}",
      fix: 'Add a "lint" script that runs the linter{{tool}}, so an agent can check style before it hands work back.',
    },
    typecheck: {
      message: "No script type-checks the TypeScript",
      fix: 'Add a "typecheck" script running `tsc --noEmit` (or `tsc -b`), so an agent sees type errors without a full build.',
    },
    lockfile: {
      message: "There is no lockfile",
      fix: "Commit the package manager's lockfile (package-lock.json, pnpm-lock.yaml, yarn.lock or bun.lock), so an agent installs the versions the team tested; if that is a deliberate choice, set `package-lock=false` in .npmrc.",
    },
    ci: {
      message: "No CI workflow runs the checks",
      fix: "Add a CI workflow (for example .github/workflows/ci.yml) that installs, builds, lints and tests on every push, so an agent's change is checked the way a human's is.",
    },
    emptyCi: {
      message: "{{file}} is empty",
      fix: "Write the workflow or delete the file: an empty workflow runs nothing while looking like CI.",
    },
    strict: {
      message: "TypeScript is not in strict mode",
      fix: 'Set `"strict": true` in {{file}}\'s compilerOptions (fix the errors it reveals first where needed): strict types catch the null and any mistakes agents make most.',
    },
  },
  options: z.strictObject({}),
  check({ facts, examine, report }) {
    if (facts.packages.length === 0 && !facts.project.typescript.isUsed) return;
    const packages = [...facts.packages.filter((pkg) => pkg.dir === ""), ...productPackages(facts.packages)];
    const rootManifest = facts.packages.some((pkg) => pkg.dir === "")
      ? "package.json"
      : packages[0]
        ? `${packages[0].dir}/package.json`
        : "package.json";
    const scriptsLine = facts.packages.find((pkg) => pkg.dir === "")?.scriptsLine ?? 1;
    const at = { file: rootManifest, line: scriptsLine, column: 1 };
    const ts = facts.project.typescript;
    if (facts.packages.length > 0) {
      for (const purpose of ["test", "lint"] as const) {
        examine();
        if (findScriptFor(purpose, packages)) continue;
        const linter = facts.project.linter;
        const data: Record<string, string> =
          purpose === "lint"
            ? { configured: linter ? ` (${linter} is configured)` : "", tool: linter ? ` (${linter})` : "" }
            : {};
        report({ ...at, messageId: purpose, data, anchor: purpose });
      }
      if (ts.isUsed) {
        examine();
        const build = findScriptFor("build", packages);
        const typechecks =
          findScriptFor("typecheck", packages) !== null ||
          facts.project.typecheckScripts.length > 0 ||
          (build !== null && /\btsc\b/.test(scriptText(facts, build)));
        if (!typechecks) {
          report({ ...at, messageId: "typecheck", anchor: "typecheck" });
        }
        if (needsBuild(facts)) {
          examine();
          if (!build) report({ ...at, messageId: "build", anchor: "build" });
        }
      }
      examine();
      if (!facts.project.packageManager && !facts.project.isLockfileDisabled)
        report({ ...at, line: 1, messageId: "lockfile", anchor: "lockfile" });
    }
    examine();
    if (facts.project.ciFiles.length === 0) {
      const [empty] = facts.project.emptyCiFiles;
      if (empty) report({ messageId: "emptyCi", data: { file: empty }, file: empty, line: 1, column: 1, anchor: "ci" });
      else report({ messageId: "ci", file: ".github/workflows/ci.yml", line: 1, column: 1, anchor: "ci" });
    }
    if (ts.isUsed && ts.config) {
      examine();
      if (ts.isStrict === false)
        report({
          messageId: "strict",
          data: { file: ts.config },
          file: ts.config,
          line: 1,
          column: 1,
          anchor: "strict",
        });
    }
  },
});

function scriptText(facts: Facts, script: { dir: string; name: string }): string {
  return facts.packages.find((pkg) => pkg.dir === script.dir)?.scripts[script.name] ?? "";
}

/** TypeScript needs a build when the project emits, or a package points its entry at build output. */
function needsBuild(facts: Facts): boolean {
  if (facts.project.typescript.noEmit === false) return true;
  return facts.packages.some((pkg) =>
    pkg.entryPoints.some((entry) => /^(?:\.\/)?(?:dist|build|lib|out)\//.test(entry)),
  );
}
