/**
 * Checks each command a context file or README mentions against what the
 * repository provides: package scripts of the right workspace, make targets,
 * just recipes, dependency binaries, files.
 */
import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import picomatch from "picomatch";
import { globCostProblem } from "../../discover/globs.js";
import type { CommandNeed, RecognisedCommand } from "./commands.js";
import type { ContextDocument } from "./documents.js";
import type { PackageFact } from "./packages.js";
import type { ProjectFact } from "./project.js";

/** A command and whether it resolves. */
export interface CommandCheck extends RecognisedCommand {
  document: string;
  isOk: boolean;
  /** Why it does not resolve, for the message. */
  reason: string | null;
  /** The package.json the command runs against, when it runs a script. */
  packageDir: string | null;
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

/** Every recognised command of every document, with its verdict. */
export function verifyCommands(input: VerifyInput): CommandCheck[] {
  return input.documents.flatMap((document) =>
    document.commands.map((command) => ({ ...command, document: document.path, ...verdict(command, document, input) })),
  );
}

type Verdict = { isOk: boolean; reason: string | null; packageDir: string | null };

function verdict(command: RecognisedCommand, document: ContextDocument, input: VerifyInput): Verdict {
  const base = joinPath(document.dir, command.cwd);
  const need = command.need;
  switch (need.kind) {
    case "script":
      return scriptVerdict(need, base, input);
    case "bin":
      return hasBin(need.bin, base, input)
        ? ok(null)
        : broken(
            `${need.bin} is not a dependency of the repository, so ${need.manager === "npm" || need.manager === "npx" ? "npx" : need.manager} would download it`,
          );
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
    case "file":
      return input.files.has(joinPath(base, need.file))
        ? ok(null)
        : broken(`${joinPath(base, need.file)} does not exist`);
  }
}

function scriptVerdict(need: Extract<CommandNeed, { kind: "script" }>, base: string, input: VerifyInput): Verdict {
  const { packages } = input;
  const { script, workspace, manager } = need;
  if (workspace !== null) {
    const matches = workspacePackages(workspace, packages);
    if (matches.length === 0) return broken(`no workspace package matches "${workspace}"`);
    const missing = matches.find((pkg) => !(script in pkg.scripts));
    return missing ? broken(missingScript(script, missing), missing.dir) : ok(matches[0]?.dir ?? null);
  }
  if (need.anyWorkspace) {
    const workspaces = packages.filter((pkg) => pkg.dir !== "");
    const having = workspaces.filter((pkg) => script in pkg.scripts);
    if (having.length === 0) return broken(`no workspace package has a "${script}" script`);
    const lacking = workspaces.find((pkg) => !(script in pkg.scripts));
    if (!need.ifPresent && lacking)
      return broken(`${missingScript(script, lacking)}, and npm runs it in every workspace (add --if-present)`);
    return ok(null);
  }
  const owner = nearestPackage(base, packages);
  if (!owner) return broken(`there is no package.json in ${describeDir(base)} or above it`);
  if (script in owner.scripts) return ok(owner.dir);
  if (manager === "npm" && script === "start" && input.files.has(joinPath(owner.dir, "server.js")))
    return ok(owner.dir);
  // pnpm, yarn and bun run a package binary when no script has the name.
  if (manager !== "npm" && hasBin(script, owner.dir, input)) return ok(owner.dir);
  return broken(missingScript(script, owner), owner.dir);
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

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function workspacePackages(selector: string, packages: readonly PackageFact[]): PackageFact[] {
  const normalized = selector.replace(/^\.\//, "").replace(/\/$/, "");
  // The selector is the repository's text: a glob too costly to match matches nothing.
  const isMatch = globCostProblem(normalized) === null ? picomatch(normalized, { noextglob: true }) : () => false;
  return packages.filter(
    (pkg) =>
      pkg.name === selector || pkg.dir === normalized || (pkg.name !== null && isMatch(pkg.name)) || isMatch(pkg.dir),
  );
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
