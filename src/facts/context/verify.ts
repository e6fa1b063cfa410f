/**
 * Checks each command a context file or README mentions against what the
 * repository provides: package scripts of the right workspace, make targets,
 * just recipes, dependency binaries, files. A command whose place the text
 * does not let us know (`cd` into a folder the repository does not have) is
 * not checked.
 */
import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import picomatch from "picomatch";
import { globCostProblem } from "../../discover/globs.js";
import {
  isPlaceholderName,
  isPlaceholderScope,
  isSelfMeaningCommand,
  isYarnCommand,
  type CommandNeed,
  type RecognisedCommand,
  type Selection,
} from "./commands.js";
import type { ContextDocument } from "./documents.js";
import type { PackageFact } from "./packages.js";
import type { ProjectFact } from "./project.js";
import { scriptRuns } from "./script-runs.js";
import { editDistance } from "../../distance.js";

/** A command and whether it resolves. */
export interface CommandCheck extends RecognisedCommand {
  document: string;
  isOk: boolean;
  /** Why it does not resolve, for the message. */
  reason: string | null;
  /** The package.json the command runs against, when it runs a script in one package. */
  packageDir: string | null;
  /**
   * The scripts the command runs in that package: its own, and those its body runs (`npm run x`, `yarn x`, through a
   * wrapper's arguments: `node scripts/log.mjs pnpm build`, `run-s build`), transitively.
   */
  runs: string[];
  /** The scripts those run in every workspace package through a task runner (`turbo run build`: "build"). */
  tasks: string[];
  /** The script a package manager's own command of the same name shadows (`pnpm deploy` beside a "deploy" script); null otherwise. */
  shadows: Shadowing | null;
}

/** A script a built-in command of the same name keeps from running. */
export interface Shadowing {
  manager: string;
  script: string;
  /** The package.json that has the script. */
  file: string;
  /** The command that runs the script (`pnpm run deploy`). */
  replacement: string;
}

/** Binaries whose package has another name. */
const BIN_PACKAGES: Record<string, string> = {
  tsc: "typescript",
  tsserver: "typescript",
  playwright: "@playwright/test",
  biome: "@biomejs/biome",
  changeset: "@changesets/cli",
  webpack: "webpack-cli",
  "run-s": "npm-run-all",
  "run-p": "npm-run-all",
  "svelte-kit": "@sveltejs/kit",
  "vue-tsc": "vue-tsc",
  ng: "@angular/cli",
};

/** What verification needs. */
export interface VerifyInput {
  root: string;
  documents: readonly ContextDocument[];
  packages: readonly PackageFact[];
  project: ProjectFact;
  files: ReadonlySet<string>;
}

interface Context extends VerifyInput {
  /** Every folder that holds a file of the repository ("" included). */
  dirs: ReadonlySet<string>;
}

/** Every recognised command of every document that can be checked, with its verdict. */
export function verifyCommands(input: VerifyInput): CommandCheck[] {
  const context: Context = { ...input, dirs: foldersOf(input.files) };
  return input.documents.flatMap((document) =>
    document.commands.flatMap((command) => {
      const found = verdict(command, document, context);
      if (found === null) return [];
      const pkg = found.packageDir === null ? undefined : input.packages.find((item) => item.dir === found.packageDir);
      const runs =
        command.need.kind === "script" && pkg && found.isOk
          ? scriptsRun(pkg, command.need.script)
          : { runs: [], tasks: [] };
      return [{ ...command, document: document.path, ...found, ...runs, shadows: found.shadows ?? null }];
    }),
  );
}

type Verdict = { isOk: boolean; reason: string | null; packageDir: string | null; shadows?: Shadowing };

/** The verdict, or null when the command cannot be checked. */
function verdict(command: RecognisedCommand, document: ContextDocument, input: Context): Verdict | null {
  // After a scaffolder (cwd null) or an install of this repository's package, the text speaks of the reader's project.
  // A command the text says not to run (`(not \`pnpm deploy\`)`) is no instruction.
  if (command.cwd === null || command.isNegated === true || isInReadersProject(command, input.packages)) return null;
  const written = joinPath(command.isAtRoot ? "" : document.dir, command.cwd);
  // `cd packages/x` in packages/x/README.md is written from the root.
  const base = input.dirs.has(written) ? written : joinPath("", command.cwd);
  // `cd my-app` into a folder the reader creates: nothing of the repository to check against.
  if (command.cwd !== "" && !input.dirs.has(base)) return null;
  const need = command.need;
  if ((need.kind === "script" || need.kind === "bin") && need.selection !== null) {
    const dir = need.kind === "script" ? (subjectDir(command, document, input) ?? base) : base;
    const unmatched = unmatchedVerdict(need.selection, dir, command, input.packages);
    if (unmatched !== undefined) return unmatched;
  }
  switch (need.kind) {
    case "script":
      return scriptVerdict(need, subjectDir(command, document, input) ?? base, document, input);
    case "bin":
      return binVerdict(need, base, document, input);
    case "unknown-command": {
      const owner = nearestPackage(base, input.packages);
      const hint = owner && need.command in owner.scripts ? `; the script runs with \`npm run ${need.command}\`` : "";
      return broken(`npm has no "${need.command}" command${hint}`);
    }
    case "make": {
      const dir = joinPath(base, need.dir ?? "");
      const targets = input.project.makeTargets.get(dir);
      if (!targets) return broken(`there is no Makefile in ${describeDir(dir)}`);
      return need.target === null || targets.has(need.target)
        ? ok(null)
        : broken(`the Makefile in ${describeDir(dir)} has no target "${need.target}"`);
    }
    case "just": {
      const recipes = input.project.justRecipes.get(base) ?? input.project.justRecipes.get("");
      if (!recipes) return broken("there is no justfile");
      return need.recipe === null || recipes.has(need.recipe)
        ? ok(null)
        : broken(`the justfile has no recipe "${need.recipe}"`);
    }
    case "builtin":
      return builtinVerdict(need, subjectDir(command, document, input) ?? base, document, input);
    case "file":
      return input.files.has(joinPath(base, need.file))
        ? ok(null)
        : broken(`${joinPath(base, need.file)} does not exist`);
  }
}

/**
 * A package manager's own command where the package has a script of its name
 * (`pnpm deploy` beside a "deploy" script, `bun test` beside a "test" script
 * running vitest): the manager runs its command, and the script runs only
 * through `run`. Not checked (null) when the package has no such script, when
 * the command means itself whatever the scripts (see isSelfMeaningCommand:
 * `pnpm install`, `npm ci`), when the script runs that same command
 * (`"audit": "pnpm audit --prod"`, `"test": "bun test"`). A word that is no
 * command of the yarn the repository uses (`yarn check` under yarn 2 and
 * later, `yarn up` under yarn 1) runs the script, and is checked as one.
 */
function builtinVerdict(
  need: Extract<CommandNeed, { kind: "builtin" }>,
  base: string,
  document: ContextDocument,
  input: Context,
): Verdict | null {
  const { manager, command } = need;
  if (manager === "yarn" && !isYarnCommand(command, input.project.isYarnBerry))
    return scriptVerdict(
      { kind: "script", manager, script: command, selection: null, ifPresent: false },
      base,
      document,
      input,
    );
  const owner = nearestPackage(base, input.packages);
  const body = owner?.scripts[command];
  if (!owner || body === undefined || isSelfMeaningCommand(manager, command)) return null;
  const same = new RegExp(`(?:^|[;&|(]\\s*)${manager}\\s+(?:-\\S+\\s+)*${escapeRegExp(command)}(?=\\s|$)`);
  if (same.test(body.trim())) return null;
  const file = owner.dir === "" ? "package.json" : `${owner.dir}/package.json`;
  const replacement = `${manager} run ${command}`;
  return {
    ...broken(`${manager} runs its own "${command}" command, not the "${command}" script of ${file}`, owner.dir),
    shadows: { manager, script: command, file, replacement },
  };
}

/**
 * Whether the command comes after its section installed one of the
 * repository's own packages into the reader's project (`npm install zod` in
 * zod's README, `deno add jsr:@scope/zod`): what follows is run there.
 */
function isInReadersProject(command: RecognisedCommand, packages: readonly PackageFact[]): boolean {
  const installs = command.usersPackages ?? [];
  if (installs.length === 0) return false;
  const names = new Set(packages.flatMap((pkg) => (pkg.name === null ? [] : [pkg.name])));
  return installs.some((name) => {
    if (!name.startsWith("jsr:")) return names.has(name);
    // JSR names are always scoped: `@hono/hono` is published from the package named `hono`.
    const bare = name.slice("jsr:".length);
    return names.has(bare) || names.has(bare.slice(bare.indexOf("/") + 1));
  });
}

/** The package a list item is about (`` - `examples/demo` — run `pnpm dev` ``), when it names one. */
function subjectDir(command: RecognisedCommand, document: ContextDocument, input: Context): string | null {
  if (command.subject === null || command.isAtRoot || command.cwd !== "") return null;
  const subject = command.subject.replace(/^\.\//, "").replace(/\/$/, "");
  const candidates = [joinPath(document.dir, subject), joinPath("", subject)];
  return candidates.find((dir) => input.packages.some((pkg) => pkg.dir === dir)) ?? null;
}

function binVerdict(
  need: Extract<CommandNeed, { kind: "bin" }>,
  base: string,
  document: ContextDocument,
  input: Context,
): Verdict | null {
  if (need.selection !== null) {
    const selected = selectPackages(need.selection, base, input.packages);
    if (selected?.length === 0) return broken(`no workspace package matches ${describeSelectors(need.selection)}`);
  }
  if (hasBin(need.bin, base, input)) return ok(null);
  const downloads = ["npx", "npm", "bunx", "bun"].includes(need.manager);
  // A README tells its readers to run a tool they have not installed: npx's download is the point.
  if (downloads && document.kind === "readme") return null;
  const runner = need.manager === "npm" ? "npx" : need.manager;
  return broken(
    downloads
      ? `${need.bin} is not a dependency of the repository, so ${runner} would download it`
      : `${need.bin} is not a dependency of the repository, so ${runner} exec cannot find it`,
  );
}

function scriptVerdict(
  need: Extract<CommandNeed, { kind: "script" }>,
  base: string,
  document: ContextDocument,
  input: Context,
): Verdict {
  const { packages } = input;
  const { script, selection } = need;
  if (selection !== null) return selectionVerdict(need, selection, base, input);
  const owner = nearestPackage(base, packages);
  if (!owner) return broken(`there is no package.json in ${describeDir(base)} or above it`);
  if (script in owner.scripts) return ok(owner.dir);
  if (need.manager === "npm" && script === "start" && input.files.has(joinPath(owner.dir, "server.js")))
    return ok(owner.dir);
  // pnpm, yarn and bun run a package binary when no script has the name.
  if (need.manager !== "npm" && hasBin(script, owner.dir, input)) return ok(owner.dir);
  if (document.kind === "readme" && isUsersScript(owner, script, packages)) return ok(null);
  return broken(missingScript(script, owner), owner.dir);
}

/**
 * A package's README speaks to the packages that use it: `pnpm build` in a
 * shared build config's README is the script of the packages built with it.
 * Taken so when the package lacks the script and at least half of the
 * workspace packages that depend on it (the root aside) have it.
 */
function isUsersScript(owner: PackageFact, script: string, packages: readonly PackageFact[]): boolean {
  if (owner.dir === "") return false;
  const users = dependentsOf(owner, packages).filter((pkg) => pkg.dir !== "");
  const having = users.filter((pkg) => script in pkg.scripts).length;
  return users.length > 0 && having * 2 >= users.length;
}

function selectionVerdict(
  need: Extract<CommandNeed, { kind: "script" }>,
  selection: Selection,
  base: string,
  input: Context,
): Verdict {
  const { script } = need;
  const selected = selectPackages(selection, base, input.packages);
  // A selector the scan cannot evaluate (`[origin/main]`, changed files): nothing to say.
  if (selected === null) return ok(null);
  if (selected.length === 0)
    return broken(
      selection.all
        ? `there are no workspace packages`
        : `no workspace package matches ${describeSelectors(selection)}`,
    );
  const only = selected.length === 1 ? selected[0] : undefined;
  const hasScript = (pkg: PackageFact): boolean =>
    script in pkg.scripts || (need.manager === "yarn" && !selection.all && hasBin(script, pkg.dir, input));
  if (need.ifPresent) return ok(only?.dir ?? null);
  if (selection.each) {
    const lacking = selected.find((pkg) => !hasScript(pkg));
    if (!lacking) return ok(only?.dir ?? null);
    if (only && !selection.all) return broken(missingScript(script, lacking), lacking.dir);
    const where = selection.all ? "every workspace" : "every workspace it selects";
    const remedy = need.manager === "npm" ? " (add --if-present)" : "";
    return broken(`${missingScript(script, lacking)}, and ${need.manager} runs it in ${where}${remedy}`, lacking.dir);
  }
  if (selected.some(hasScript)) return ok(only?.dir ?? null);
  if (only) return broken(missingScript(script, only), only.dir);
  return broken(
    selection.all
      ? `no workspace package has a "${script}" script`
      : `none of the ${selected.length} packages it selects (${describeSelectors(selection)}) has a "${script}" script`,
  );
}

/**
 * The verdict on a selection that picks no package because a name (or folder) it gives matches none. Null, not
 * checked, when each such name is a stand-in (`--filter @internal/package-b`, `-w my-package`, `@scope/x` where no
 * package has that scope) or when the text introduces the command as an example; unless a package has a close name
 * (renamed: `@old/cli` for `@new/cli`, a typo), then reported with it. Undefined when the usual verdict applies
 * (the selection picks packages, or no given name is missing: an exclusion or a `^` left nothing).
 */
function unmatchedVerdict(
  selection: Selection,
  base: string,
  command: RecognisedCommand,
  packages: readonly PackageFact[],
): Verdict | null | undefined {
  if (selection.all) return undefined;
  const selected = selectPackages(selection, base, packages);
  if (selected === null || selected.length > 0) return undefined;
  const missing = selection.selectors
    .filter((selector) => !selector.startsWith("!"))
    .map((selector) => (selection.syntax === "pnpm" ? withoutGraph(selector) : selector))
    .filter((selector) => {
      const picked =
        selection.syntax === "pnpm" ? pnpmSelect(selector, base, packages) : plainSelect(selector, base, packages);
      return picked !== null && picked.length === 0;
    });
  if (missing.length === 0) return undefined;
  const close = [...new Set(missing.flatMap((selector) => closeNames(selector, packages)))];
  if (close.length > 0)
    return broken(
      `no workspace package matches ${describeSelectors(selection)} (there is ${close.map((name) => `"${name}"`).join(", ")})`,
    );
  const scopes = new Set(packages.flatMap((pkg) => (pkg.name?.startsWith("@") ? [pkg.name.split("/")[0]] : [])));
  const isStandIn = (selector: string): boolean => {
    const name = selector.replace(/[{}]/g, "").replace(/\/$/, "");
    return isPlaceholderName(name) || (isPlaceholderScope(name) && !scopes.has(name.split("/")[0]));
  };
  return command.isExample === true || missing.every(isStandIn) ? null : undefined;
}

/** A pnpm selector without its graph operators (`...x`, `x...`, `^`): the name or folder it starts from. */
function withoutGraph(selector: string): string {
  return selector.replace(/^\.\.\.\^?/, "").replace(/\^?\.\.\.$/, "");
}

/**
 * Packages a missing name may have been renamed to: the same name under another scope, or a name one edit away
 * (two for names of eight letters or more; none under three). A folder selector is compared with the packages'
 * folders, by the last one.
 */
function closeNames(selector: string, packages: readonly PackageFact[]): string[] {
  const path = selector.replace(/[{}]/g, "").replace(/^\.\//, "").replace(/\/$/, "");
  const isPath = /^\.\.?(?:\/|$)|^\{/.test(selector) || (path.includes("/") && !path.startsWith("@"));
  const last = (text: string): string => text.split("/").at(-1) ?? text;
  const wanted = last(path);
  const scored = packages.flatMap((pkg) => {
    const candidate = isPath ? pkg.dir : pkg.name;
    if (candidate === null || candidate === "" || candidate === path || /[*?]/.test(wanted)) return [];
    const other = last(candidate);
    const distance = editDistance(wanted, other);
    const shorter = Math.min(wanted.length, other.length);
    const isClose = other === wanted || distance <= (shorter >= 8 ? 2 : shorter >= 3 ? 1 : 0);
    return isClose ? [{ candidate, distance }] : [];
  });
  return scored
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, 3)
    .map((item) => item.candidate);
}

function describeSelectors(selection: Selection): string {
  return selection.selectors.map((selector) => `"${selector}"`).join(", ");
}

/** The packages a selection picks, or null when it depends on something the scan does not know (git changes). */
function selectPackages(selection: Selection, base: string, packages: readonly PackageFact[]): PackageFact[] | null {
  const workspaces = packages.filter((pkg) => pkg.dir !== "" || selection.withRoot);
  const includes = selection.selectors.filter((selector) => !selector.startsWith("!"));
  const excludes = selection.selectors.filter((selector) => selector.startsWith("!")).map((item) => item.slice(1));
  const pick = (selector: string): PackageFact[] | null =>
    selection.syntax === "pnpm" ? pnpmSelect(selector, base, packages) : plainSelect(selector, base, packages);
  const picked = includes.map(pick);
  const dropped = excludes.map(pick);
  if (picked.includes(null) || dropped.includes(null)) return null;
  const chosen = new Set(selection.all || includes.length === 0 ? workspaces : picked.flatMap((list) => list ?? []));
  for (const pkg of dropped.flatMap((list) => list ?? [])) chosen.delete(pkg);
  return packages.filter((pkg) => chosen.has(pkg));
}

/** A name, a glob over names or folders, or a folder (with the workspaces under it), as npm and yarn take them. */
function plainSelect(selector: string, base: string, packages: readonly PackageFact[]): PackageFact[] {
  const path = selector.replace(/^\.\//, "").replace(/\/$/, "");
  const isName = nameMatcher(selector);
  const isPath = pathMatcher(path);
  const fromBase = joinPath(base, path);
  return packages.filter(
    (pkg) =>
      (pkg.name !== null && isName(pkg.name)) ||
      isPath(pkg.dir) ||
      isUnder(pkg.dir, fromBase) ||
      (pkg.dir !== "" && isUnder(pkg.dir, path)),
  );
}

/**
 * pnpm's selector: `name` (a glob; the scope may be left out), `./dir` or
 * `{dir}` (the packages under it), `name{dir}`, with `...` after (and its
 * dependencies) or before (and its dependents), `^` to leave the package
 * itself out; `[ref]` selects by git changes, which the scan does not know.
 */
function pnpmSelect(selector: string, base: string, packages: readonly PackageFact[]): PackageFact[] | null {
  let rest = selector;
  if (/\[[^\]]*\]/.test(rest)) return null;
  const dependents = rest.startsWith("...");
  if (dependents) rest = rest.slice(3);
  const dependentsOnly = dependents && rest.startsWith("^");
  if (dependentsOnly) rest = rest.slice(1);
  const dependencies = rest.endsWith("...");
  if (dependencies) rest = rest.slice(0, -3);
  const dependenciesOnly = dependencies && rest.endsWith("^");
  if (dependenciesOnly) rest = rest.slice(0, -1);
  const braces = /^(.*?)\{(.+)\}$/.exec(rest);
  const isDir = /^\.\.?(?:\/|$)/.test(rest);
  const name = braces ? (braces[1] ?? "") : isDir ? "" : rest;
  const dir = braces ? (braces[2] ?? "") : isDir ? rest : null;
  const inDir = dir === null ? () => true : dirSelector(joinPath(base, dir));
  const roots = packages.filter((pkg) => inDir(pkg.dir) && (name === "" || pnpmNameMatches(name, pkg, packages)));
  const chosen = new Set<PackageFact>();
  for (const root of roots) {
    if (!dependentsOnly && !dependenciesOnly) chosen.add(root);
    if (dependencies) for (const pkg of closure(root, packages, dependenciesOf)) chosen.add(pkg);
    if (dependents) for (const pkg of closure(root, packages, dependentsOf)) chosen.add(pkg);
  }
  return [...chosen];
}

function pnpmNameMatches(name: string, pkg: PackageFact, packages: readonly PackageFact[]): boolean {
  if (pkg.name === null) return false;
  if (nameMatcher(name)(pkg.name)) return true;
  // `--filter core` picks `@babel/core` when no package is named `core` and one scope has it.
  if (name.includes("/") || name.includes("*") || packages.some((other) => other.name === name)) return false;
  const scoped = packages.filter((other) => other.name?.endsWith(`/${name}`));
  return scoped.length === 1 && scoped[0] === pkg;
}

/** A package name or a glob over names, where `*` also crosses `/` (as pnpm and yarn match names). */
function nameMatcher(pattern: string): (name: string) => boolean {
  if (!pattern.includes("*")) return (name) => name === pattern;
  if (globCostProblem(pattern.replace(/\//g, "-")) !== null) return () => false;
  const regex = new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`);
  return (name) => regex.test(name);
}

/** A folder glob (`packages/*`), or a folder: itself and the folders under it. */
function dirSelector(dir: string): (pkgDir: string) => boolean {
  if (/[*?{}[\]]/.test(dir)) return pathMatcher(dir);
  return (pkgDir) => isUnder(pkgDir, dir);
}

function pathMatcher(glob: string): (path: string) => boolean {
  if (glob === "" || !/[*?{}[\]]/.test(glob)) return (path) => path === glob && glob !== "";
  return globCostProblem(glob) === null ? picomatch(glob, { noextglob: true }) : () => false;
}

function isUnder(dir: string, folder: string): boolean {
  return folder === "" || dir === folder || dir.startsWith(`${folder}/`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

function dependenciesOf(pkg: PackageFact, packages: readonly PackageFact[]): PackageFact[] {
  return packages.filter((other) => other !== pkg && other.name !== null && pkg.dependencies.includes(other.name));
}

function dependentsOf(pkg: PackageFact, packages: readonly PackageFact[]): PackageFact[] {
  return packages.filter((other) => other !== pkg && pkg.name !== null && other.dependencies.includes(pkg.name));
}

/** The packages reachable from `start` through `next` (direct and indirect), `start` left out. */
function closure(
  start: PackageFact,
  packages: readonly PackageFact[],
  next: (pkg: PackageFact, packages: readonly PackageFact[]) => PackageFact[],
): Set<PackageFact> {
  const seen = new Set<PackageFact>();
  const queue = [start];
  for (let pkg = queue.shift(); pkg !== undefined; pkg = queue.shift())
    for (const found of next(pkg, packages))
      if (found !== start && !seen.has(found)) {
        seen.add(found);
        queue.push(found);
      }
  return seen;
}

/**
 * The scripts `script` runs in its own package (itself, and those its body runs, see scriptRuns), transitively, and
 * the scripts they run in every workspace package.
 */
function scriptsRun(pkg: PackageFact, script: string): { runs: string[]; tasks: string[] } {
  const seen = [script];
  const tasks = new Set<string>();
  for (let index = 0; index < seen.length; index += 1) {
    const found = scriptRuns(pkg.scripts[seen[index] ?? ""] ?? "");
    for (const task of found.tasks) tasks.add(task);
    for (const name of found.scripts.flatMap((pattern) => scriptsMatching(pattern, pkg)))
      if (!seen.includes(name)) seen.push(name);
  }
  return { runs: seen, tasks: [...tasks] };
}

/** The package's scripts a name or an npm-run-all pattern names: `*` within a `:` segment, `**` across them. */
function scriptsMatching(pattern: string, pkg: PackageFact): string[] {
  if (!pattern.includes("*")) return pattern in pkg.scripts ? [pattern] : [];
  const source = pattern
    .split("**")
    .map((part) => part.split("*").map(escapeRegExp).join("[^:]*"))
    .join(".*");
  const regex = new RegExp(`^${source}$`);
  return Object.keys(pkg.scripts).filter((name) => regex.test(name));
}

function missingScript(script: string, owner: PackageFact): string {
  const file = owner.dir === "" ? "package.json" : `${owner.dir}/package.json`;
  const similar = Object.keys(owner.scripts).filter((name) => isSimilar(name, script));
  const hint = similar.length > 0 ? ` (it has ${similar.map((name) => `"${name}"`).join(", ")})` : "";
  return `${file} has no "${script}" script${hint}`;
}

function isSimilar(a: string, b: string): boolean {
  if (a.startsWith(`${b}:`) || b.startsWith(`${a}:`) || a.startsWith(b) || b.startsWith(a)) return true;
  return editDistance(a, b) <= 2;
}

function nearestPackage(dir: string, packages: readonly PackageFact[]): PackageFact | undefined {
  for (let current = dir; ; current = posix.dirname(current) === "." ? "" : posix.dirname(current)) {
    const found = packages.find((pkg) => pkg.dir === current);
    if (found || current === "") return found;
  }
}

function hasBin(bin: string, dir: string, input: VerifyInput): boolean {
  const provider = BIN_PACKAGES[bin] ?? bin;
  if (
    input.packages.some(
      (pkg) => pkg.dependencies.includes(provider) || pkg.dependencies.includes(bin) || pkg.bins.includes(bin),
    )
  )
    return true;
  return [dir, ""].some((candidate) => existsSync(join(input.root, candidate, "node_modules", ".bin", bin)));
}

function foldersOf(files: ReadonlySet<string>): Set<string> {
  const dirs = new Set<string>([""]);
  for (const file of files)
    for (let dir = posix.dirname(file); dir !== "." && !dirs.has(dir); dir = posix.dirname(dir)) dirs.add(dir);
  return dirs;
}

function joinPath(dir: string, path: string): string {
  const joined = posix.normalize(posix.join(dir, path));
  return joined === "." ? "" : joined.replace(/\/$/, "");
}

function describeDir(dir: string): string {
  return dir === "" ? "the repository root" : `${dir}/`;
}

function ok(packageDir: string | null): Verdict {
  return { isOk: true, reason: null, packageDir };
}

function broken(reason: string, packageDir: string | null = null): Verdict {
  return { isOk: false, reason, packageDir };
}
