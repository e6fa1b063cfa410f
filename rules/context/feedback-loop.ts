import { z } from "zod";
import type { CommandCheck, Facts, PackageFact } from "../../src/facts/index.js";
import {
  describeLockfiles,
  findFeedbackSteps,
  isDashPassedOn,
  productPackages,
  readWatch,
  type WatchReading,
  runnerOf,
  runOnceAlternative,
  watchOnlyTestScripts,
  watchModeOfCommand,
} from "../../src/facts/context/tooling.js";
import { runsScriptByName } from "../../src/facts/context/commands.js";
import { lockfileOf, managerOfLockfile } from "../../src/facts/context/manager.js";
import { defineRule, type RuleReport } from "../define-rule.js";

/** Reports the parts of the build-test-lint loop an agent cannot run. */
export default defineRule({
  id: "context/feedback-loop",
  category: "context",
  severity: "warning",
  description:
    "An agent can check its own work: scripts for test (one that runs once, not a watcher), build (when TypeScript is compiled), lint and type-check (scripts named by convention, `build:esm`, `test:unit`, or running the tool); a lockfile; a CI workflow; strict TypeScript; agent context files that name no watch-mode command.",
  why: "An agent can only verify what the repository lets it run; each missing step is a class of mistake it will hand back to a reviewer.",
  weight: 3,
  effort: "small",
  action: { scope: "repository", title: "Close {{count}} gap{{s}} in the feedback loop of {{scope}}" },
  messages: {
    test: {
      message: "No script runs the tests",
      fix: 'Add a "test" script to package.json that runs the test runner.',
    },
    testWatch: {
      message: "The only test scripts watch ({{scripts}}): none runs the tests once",
      fix: 'Add a "test" script that runs the tests once (`vitest run`, or jest without `--watch`): an agent waits for its command to finish, and a watcher never does.',
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
    lockfileManager: {
      message:
        "package.json names {{declared}} as the package manager, but the lockfile is {{lockfile}}, which {{other}} writes",
      fix: "Make them agree: commit {{manager}}'s lockfile ({{expected}}, from `{{manager}} install`) and delete {{lockfile}}, or set packageManager to the {{other}} version that wrote it. Corepack runs {{manager}}, which ignores {{lockfile}}, so an agent would install versions nobody tested.",
    },
    ci: {
      message: "No CI workflow runs the checks",
      fix: "Add a CI workflow (for example .github/workflows/ci.yml) that installs, builds, lints and tests on every push, so an agent's change is checked the way a human's is.",
    },
    emptyCi: {
      message: "{{file}} is empty",
      fix: "Write the workflow or delete the file: an empty workflow runs nothing while looking like CI.",
    },
    watch: {
      message: "{{document}} tells agents to run `{{command}}`, which {{how}}",
      fix: "Tell agents to run {{instead}} instead: an agent waits for its command to finish, and a watcher never does.",
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
    const steps = findFeedbackSteps(packages, facts.project);
    if (facts.packages.length > 0) {
      for (const purpose of ["test", "lint"] as const) {
        examine();
        if (steps[purpose]) continue;
        const watchers =
          purpose === "test"
            ? watchOnlyTestScripts(packages, facts.project.vitestConfigs, facts.project.isYarnBerry)
            : [];
        if (watchers.length > 0) {
          report({ ...at, messageId: "testWatch", data: { scripts: watchers.join(", ") }, anchor: purpose });
          continue;
        }
        const linter = facts.project.linter;
        const data: Record<string, string> =
          purpose === "lint"
            ? { configured: linter ? ` (${linter} is configured)` : "", tool: linter ? ` (${linter})` : "" }
            : {};
        report({ ...at, messageId: purpose, data, anchor: purpose });
      }
      if (ts.isUsed) {
        examine();
        if (!steps.typecheck) {
          report({ ...at, messageId: "typecheck", anchor: "typecheck" });
        }
        if (needsBuild(facts)) {
          examine();
          if (!steps.build) report({ ...at, messageId: "build", anchor: "build" });
        }
      }
      examine();
      const mismatch = managerMismatch(facts);
      if (mismatch)
        report({ ...at, line: mismatch.line, messageId: "lockfileManager", data: mismatch.data, anchor: "lockfile" });
      else if (describeLockfiles(packages, facts.project) === null)
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
    reportWatchCommands(facts, examine, report);
  },
});

/**
 * Commands agent context files tell agents to run that watch: one step,
 * examined when those files name any script or binary, shared by its findings.
 */
function reportWatchCommands(
  facts: Facts,
  examine: (amount?: number) => void,
  report: (finding: RuleReport<"watch">) => void,
): void {
  const agentDocs = new Map(
    facts.context.documents
      .filter((document) => document.kind !== "readme")
      .map((document) => [document.path, document]),
  );
  const commands = facts.commands.filter(
    (command) => agentDocs.has(command.document) && (command.need.kind === "script" || command.need.kind === "bin"),
  );
  if (commands.length === 0) return;
  examine();
  const configs = facts.project.vitestConfigs;
  const isBerry = facts.project.isYarnBerry;
  const watching = new Map<string, { command: (typeof commands)[number]; how: string; instead: string }>();
  for (const command of commands) {
    const key = `${command.document}:${command.line}:${command.column}`;
    const pkg = packageOf(facts, command.packageDir, agentDocs.get(command.document)?.dir ?? "");
    if (watching.has(key) || !pkg) continue;
    const reading = readWatch(pkg, command.text, configs, isBerry);
    if (reading.mode === null) continue;
    const manager = command.need.kind === "script" || command.need.kind === "bin" ? command.need.manager : "npm";
    const runner = runnerOf(pkg, command.text);
    const how =
      reading.mode === "always" ? "watches for changes and never exits" : "runs vitest in watch mode in a terminal";
    const repair = repairOf(command, reading, manager, isBerry, runner);
    if (repair !== null && watchModeOfCommand(pkg, repair.fixed, configs, isBerry) === null) {
      watching.set(key, { command, how: `${how}: ${repair.why}`, instead: `\`${repair.fixed}\`` });
      continue;
    }
    const once = runOnceAlternative(pkg, runner, configs, isBerry);
    // A bare `vitest` watches only in an interactive terminal: reported when the package has a script that runs it once.
    if (reading.mode === "terminal" && once === null) continue;
    watching.set(key, {
      command,
      how,
      instead: once
        ? `\`${runCommand(manager, once, isBerry)}\``
        : "the test runner once (`vitest run`, or jest without `--watch`)",
    });
  }
  for (const { command, how, instead } of watching.values()) {
    report({
      messageId: "watch",
      data: { document: command.document, command: command.text, how, instead },
      file: command.document,
      line: command.line,
      column: command.column,
      anchor: `watch:${command.text}`,
      cost: 1 / watching.size,
    });
  }
}

/** The package a command runs in: the one its script resolved to, else the nearest to the document's folder. */
function packageOf(facts: Facts, packageDir: string | null, documentDir: string): PackageFact | undefined {
  if (packageDir !== null) return facts.packages.find((pkg) => pkg.dir === packageDir);
  for (let dir = documentDir; ; dir = dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "") {
    const found = facts.packages.find((pkg) => pkg.dir === dir);
    if (found || dir === "") return found;
  }
}

/**
 * A command whose watch options never reach its tool, mended: `pnpm test --
 * --watch false` (pnpm passes the `--` on, after which vitest reads no
 * options) without its `--`; `npm test --watch false` (npm reads the option
 * as its own config) with a `--` before the option.
 */
function repairOf(
  command: CommandCheck,
  reading: WatchReading,
  manager: string,
  isBerry: boolean,
  runner: string | null,
): { fixed: string; why: string } | null {
  const tool = runner ?? "the test runner";
  const words = command.text.trim().split(/\s+/);
  if (reading.ignored.length > 0) {
    const options = `\`${reading.ignored.join(" ")}\``;
    const why =
      command.need.kind === "script" && isDashPassedOn(manager, isBerry)
        ? `${manager} passes the \`--\` on, and ${tool} ignores ${options} after it`
        : `${tool} ignores ${options} after a \`--\``;
    const at = words.indexOf("--");
    // The `--` is in a script the command runs: nothing to mend in the command.
    if (at === -1) return null;
    return { fixed: [...words.slice(0, at), ...words.slice(at + 1)].join(" "), why };
  }
  const [first] = reading.consumed;
  const at = first === undefined ? -1 : words.indexOf(first);
  if (at === -1) return null;
  const why = `npm reads \`${reading.consumed.join(" ")}\` as its own option, and the script never gets it`;
  return { fixed: [...words.slice(0, at), "--", ...words.slice(at)].join(" "), why };
}

/** How a fix runs a script: by its name where that runs it (`npm test`, `pnpm test:unit`), else with `run` (`bun run test`). */
function runCommand(manager: string, script: string, isYarnBerry: boolean): string {
  const tool =
    manager === "npx"
      ? "npm"
      : manager === "pnpm" || manager === "pnpx"
        ? "pnpm"
        : manager === "bunx"
          ? "bun"
          : manager;
  return runsScriptByName(tool, script, isYarnBerry) ? `${tool} ${script}` : `${tool} run ${script}`;
}

/**
 * A `packageManager` field that names another manager than the root
 * lockfile's: Corepack runs the named one, which does not read the lockfile.
 * A second manager's lockfile beside the named one's is not a mismatch.
 */
function managerMismatch(facts: Facts): { line: number; data: Record<string, string> } | null {
  const manager = facts.project.packageManager;
  if (!manager?.declared || manager.lockfile !== null) return null;
  const lockfile = facts.project.lockfiles.find((path) => !path.includes("/") && managerOfLockfile(path) !== null);
  const other = lockfile ? managerOfLockfile(lockfile) : null;
  if (!lockfile || !other) return null;
  const declared = `\`${manager.name}@${manager.version ?? ""}\``;
  const data = { declared, manager: manager.name, expected: lockfileOf(manager.name), lockfile, other };
  return { line: manager.declared.line, data };
}

/** TypeScript needs a build when the project emits, or a package points its entry at build output. */
function needsBuild(facts: Facts): boolean {
  if (facts.project.typescript.noEmit === false) return true;
  return facts.packages.some((pkg) =>
    pkg.entryPoints.some((entry) => /^(?:\.\/)?(?:dist|build|lib|out)\//.test(entry)),
  );
}
