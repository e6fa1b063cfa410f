/**
 * The generated sections of AGENTS.md. Every line states a fact Groundwork
 * verified in the repository (a script that exists, a folder's own
 * description, a measured hotspot); nothing is guessed.
 */
import { posix } from "node:path";
import type { Facts, PackageFact } from "../facts/index.js";

/** One generated section: its marker id and its Markdown lines (heading included). */
export interface Section {
  id: string;
  lines: string[];
}

/** What a section is built for: the repository root, or one workspace package. */
export interface Scope {
  /** Repo-relative folder ("" for the root). */
  dir: string;
  /** How many list items each section may hold (lowered to fit the line budget). */
  listLimit: number;
}

const CONVENTIONAL_ORDER = ["build", "test", "lint", "typecheck", "format", "dev", "start"];

/** Overview: the package description, else the README's first paragraph. */
export function overview(facts: Facts, scope: Scope, readmeParagraph: string | null): Section | null {
  const description = packageAt(facts, scope.dir)?.description ?? (scope.dir === "" ? readmeParagraph : null);
  if (!description) return null;
  return { id: "overview", lines: ["## Overview", "", description] };
}

/** Setup and commands: the package manager from the lockfile, and the scripts that exist, with what each runs. */
export function commands(facts: Facts, scope: Scope): Section | null {
  const pkg = packageAt(facts, scope.dir);
  const manager = facts.project.packageManager;
  const managerName = manager?.name ?? "npm";
  const lines = ["## Setup and commands", ""];
  // The lockfile, else (no lockfile committed) the version package.json pins.
  const source = manager?.lockfile ?? (manager?.version ? `packageManager: ${manager.name}@${manager.version}` : null);
  if (manager && source) lines.push(`Package manager: ${manager.name} (\`${source}\`).`, "");
  if (scope.dir === "")
    lines.push(`- \`${installCommand(managerName, Boolean(manager?.lockfile))}\` — install the dependencies`);
  const scripts = pkg ? orderedScripts(pkg).slice(0, scope.listLimit) : [];
  for (const [name, command] of scripts) {
    const purpose = describeScript(command);
    lines.push(
      `- \`${runCommand(managerName, name)}\` — runs \`${oneLine(command)}\`${purpose ? ` (${purpose})` : ""}`,
    );
  }
  if (lines.length === 2) return null;
  return { id: "commands", lines };
}

/** Layout: top-level folders and workspace packages, each with its own one-line description where it has one. */
export function layout(facts: Facts, scope: Scope): Section | null {
  const prefix = scope.dir === "" ? "" : `${scope.dir}/`;
  const folders = new Map<string, string | null>();
  for (const file of facts.inventory.files) {
    if (!file.path.startsWith(prefix)) continue;
    const [first, ...rest] = file.path.slice(prefix.length).split("/");
    if (first === undefined || rest.length === 0 || first.startsWith(".")) continue;
    if (!folders.has(first)) folders.set(first, null);
  }
  const lines = ["## Layout", ""];
  const packages = facts.packages.filter(
    (pkg) => pkg.dir !== scope.dir && pkg.dir.startsWith(prefix) && !isNested(pkg, facts.packages, scope.dir),
  );
  const packageFolders = new Set(packages.map((pkg) => pkg.dir.slice(prefix.length).split("/")[0]));
  for (const [folder] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, scope.listLimit)) {
    if (packageFolders.has(folder) && !packages.some((pkg) => pkg.dir === `${prefix}${folder}`)) {
      lines.push(`- \`${folder}/\` — workspace packages:`);
      for (const pkg of packages
        .filter((candidate) => candidate.dir.startsWith(`${prefix}${folder}/`))
        .slice(0, scope.listLimit)) {
        lines.push(
          `  - \`${pkg.dir.slice(prefix.length)}/\`${pkg.name ? ` (${pkg.name})` : ""}${pkg.description ? ` — ${pkg.description}` : ""}`,
        );
      }
      continue;
    }
    const purpose = folderPurpose(facts, `${prefix}${folder}`);
    lines.push(`- \`${folder}/\`${purpose ? ` — ${purpose}` : ""}`);
  }
  return lines.length === 2 ? null : { id: "layout", lines };
}

/** Conventions detected in the code: test naming and place, module system, TypeScript strictness, lint and format tools. */
export function conventions(facts: Facts, scope: Scope): Section | null {
  const lines = ["## Conventions", ""];
  const tests = facts.modules.filter(
    (module) => module.kind === "test" && module.path.startsWith(scope.dir === "" ? "" : `${scope.dir}/`),
  );
  if (tests.length > 0)
    lines.push(
      `- Tests: ${testConvention(
        tests.map((module) => module.path),
        scope.dir,
      )}`,
    );
  const pkg = packageAt(facts, scope.dir) ?? packageAt(facts, "");
  if (pkg?.type === "module") lines.push('- Modules: ES modules (`"type": "module"` in package.json)');
  else if (pkg) lines.push('- Modules: CommonJS by default (no `"type": "module"` in package.json)');
  const jsSpecifiers = relativeSpecifierStyle(facts, scope.dir);
  if (jsSpecifiers) lines.push(`- ${jsSpecifiers}`);
  const typescript = facts.project.typescript;
  // Unknown strictness (an `extends` that is not installed) is left unsaid rather than guessed.
  if (typescript.config && typescript.isStrict !== null)
    lines.push(
      `- TypeScript: ${typescript.isStrict ? "strict mode on" : "strict mode off"} (\`${typescript.config}\`)`,
    );
  const tools = [
    facts.project.linter ? `lint with ${facts.project.linter}` : "",
    facts.project.formatter ? `format with ${facts.project.formatter}` : "",
  ].filter(Boolean);
  if (tools.length > 0) lines.push(`- Tooling: ${tools.join(", ")}`);
  return lines.length === 2 ? null : { id: "conventions", lines };
}

/** Handle with care: hotspots with a risk, import cycles, and the modules most others depend on. */
export function care(facts: Facts, scope: Scope): Section | null {
  const inScope = (path: string): boolean => scope.dir === "" || path.startsWith(`${scope.dir}/`);
  const lines = ["## Handle with care", ""];
  const hotspots = facts.hotspots
    .filter((hotspot) => hotspot.risk > 0 && hotspot.score >= 10 && inScope(hotspot.file))
    .slice(0, Math.min(5, scope.listLimit));
  for (const hotspot of hotspots) {
    const risks = [hotspot.isComplex ? "complex" : "", hotspot.isUntested ? "untested" : ""].filter(Boolean);
    lines.push(
      `- \`${hotspot.file}\` changes often (${hotspot.commits} commit${hotspot.commits === 1 ? "" : "s"}, complexity ${hotspot.complexity}) and is ${risks.join(", ")}`,
    );
  }
  for (const group of facts.graph.cycles
    .filter((cycle) => cycle.files.some(inScope))
    .slice(0, Math.min(5, scope.listLimit))) {
    lines.push(
      `- Import cycle: ${group.files.map((file) => `\`${file}\``).join(", ")}; do not add imports between them`,
    );
  }
  for (const [module, importers] of fanIn(facts)
    .filter(([path]) => inScope(path))
    .slice(0, Math.min(5, scope.listLimit))) {
    lines.push(`- \`${module}\` is imported by ${importers} files: a change there reaches all of them`);
  }
  return lines.length === 2 ? null : { id: "care", lines };
}

/** Sections only the team can write: left as clearly marked TODOs, outside the generated markers. */
export const TEAM_SECTIONS: readonly string[] = [
  "## Architecture decisions",
  "",
  "TODO (team): the decisions an agent must not undo, and why.",
  "",
  "## Review rules",
  "",
  "TODO (team): what a change needs before it is merged (reviewers, checks, commit style).",
];

function packageAt(facts: Facts, dir: string): PackageFact | undefined {
  return facts.packages.find((pkg) => pkg.dir === dir);
}

function isNested(pkg: PackageFact, packages: readonly PackageFact[], scopeDir: string): boolean {
  return packages.some(
    (other) =>
      other !== pkg && other.dir !== scopeDir && pkg.dir.startsWith(`${other.dir}/`) && other.dir.startsWith(scopeDir),
  );
}

function installCommand(manager: string, hasLockfile: boolean): string {
  if (!hasLockfile) return `${manager} install`;
  switch (manager) {
    case "pnpm":
      return "pnpm install --frozen-lockfile";
    case "bun":
      return "bun install --frozen-lockfile";
    case "yarn":
      return "yarn install";
    default:
      return "npm ci";
  }
}

function runCommand(manager: string, script: string): string {
  if (manager === "npm") return script === "test" || script === "start" ? `npm ${script}` : `npm run ${script}`;
  if (manager === "bun") return `bun run ${script}`;
  return `${manager} run ${script}`;
}

function orderedScripts(pkg: PackageFact): Array<[string, string]> {
  const entries = Object.entries(pkg.scripts).filter(([name]) => {
    const base = name.replace(/^(?:pre|post)/, "");
    return (
      !(base !== name && base in pkg.scripts) &&
      !["prepare", "prepublishOnly", "prepack", "postinstall", "install"].includes(name)
    );
  });
  const rank = (name: string): number => {
    const index = CONVENTIONAL_ORDER.findIndex(
      (conventional) => name === conventional || name.startsWith(`${conventional}:`),
    );
    return index === -1 ? CONVENTIONAL_ORDER.length : index;
  };
  return entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

const PURPOSES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:vitest|jest|mocha|ava|tap|playwright test|node\s[^&|;]*--test)\b/, "runs the tests"],
  [/\btsc\b[^&|;]*--noEmit/, "type-checks"],
  [/\b(?:eslint|oxlint|xo|biome (?:lint|check|ci))\b/, "lints"],
  [/\bprettier\b[^&|;]*--check|\bbiome format\b/, "checks formatting"],
  [/\bprettier\b[^&|;]*--write/, "formats the code"],
  [/\btsc\b(?![^&|;]*--noEmit)/, "compiles TypeScript"],
  [/\b(?:vite|next|nuxt|astro) build\b|\b(?:tsup|rollup|esbuild|webpack|unbuild)\b/, "builds the bundle"],
  [/\b(?:vite|next dev|nuxt dev|astro dev|nodemon|tsx watch)\b/, "starts a development server"],
];

function describeScript(command: string): string | null {
  const found = PURPOSES.filter(([pattern]) => pattern.test(command)).map(([, purpose]) => purpose);
  return found.length > 0 ? [...new Set(found)].slice(0, 2).join(", then ") : null;
}

function oneLine(command: string): string {
  const flat = command.replace(/\s+/g, " ").trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

/** A folder's own description: its package.json's, else the file-level doc of its index module. */
function folderPurpose(facts: Facts, folder: string): string | null {
  const pkg = packageAt(facts, folder);
  if (pkg?.description) return pkg.description;
  const index = facts.modules.find(
    (module) =>
      module.summary !== null &&
      module.path.startsWith(`${folder}/`) &&
      /^(?:src\/)?index\.[cm]?[jt]sx?$/.test(module.path.slice(folder.length + 1)),
  );
  return index?.summary ?? null;
}

function testConvention(paths: readonly string[], scopeDir: string): string {
  const prefix = scopeDir === "" ? "" : `${scopeDir}/`;
  const relative = paths.map((path) => path.slice(prefix.length));
  const inFolder = relative.filter((path) => /^(?:test|tests|__tests__)\//.test(path) || path.includes("/__tests__/"));
  const spec = relative.filter((path) => /\.spec\.[cm]?[jt]sx?$/.test(path)).length;
  const test = relative.filter((path) => /\.test\.[cm]?[jt]sx?$/.test(path)).length;
  const naming = spec > test ? "`*.spec.*`" : "`*.test.*`";
  const folder = /^(tests?|__tests__)\//.exec(inFolder[0] ?? "")?.[1];
  const place = inFolder.length > relative.length / 2 ? `under \`${folder ?? "test"}/\`` : "beside the code they test";
  return `${naming} files ${place} (${Math.max(spec, test)} of ${relative.length} test files)`;
}

function relativeSpecifierStyle(facts: Facts, scopeDir: string): string | null {
  const prefix = scopeDir === "" ? "" : `${scopeDir}/`;
  const specifiers = facts.modules
    .filter((module) => module.path.startsWith(prefix) && /\.(?:[cm]?ts|tsx)$/.test(module.path))
    .flatMap((module) => module.imports.filter((fact) => fact.specifier.startsWith(".")).map((fact) => fact.specifier));
  if (specifiers.length < 5) return null;
  const withJs = specifiers.filter((specifier) => /\.[cm]?js$/.test(posix.basename(specifier))).length;
  if (withJs / specifiers.length >= 0.9)
    return `Imports: relative imports name the \`.js\` file (${withJs} of ${specifiers.length})`;
  if (withJs === 0) return `Imports: relative imports have no extension (${specifiers.length} of ${specifiers.length})`;
  return null;
}

/** Source modules by how many other files import them (at least 3), most first. */
function fanIn(facts: Facts): Array<[string, number]> {
  const sources = new Set(facts.sources.map((module) => module.path));
  const importers = new Map<string, Set<string>>();
  for (const edge of facts.graph.edges) {
    if (edge.isTypeOnly || !sources.has(edge.to)) continue;
    const set = importers.get(edge.to) ?? new Set<string>();
    set.add(edge.from);
    importers.set(edge.to, set);
  }
  return [...importers]
    .map(([path, set]): [string, number] => [path, set.size])
    .filter(([, count]) => count >= 3)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
