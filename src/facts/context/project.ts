/**
 * The project's tooling as files and manifests show it: package manager and
 * lockfile, CI workflows, make and just targets, TypeScript strictness, linter
 * and formatter, the vitest configs' typecheck and watch options, and the
 * environment variables its env files, docs and scripts name.
 */
import { posix } from "node:path";
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import type { Inventory, VitestConfig } from "../../discover/index.js";
import type { TsconfigReader } from "../tsconfig/index.js";
import { isYarnBerry, LOCKFILES, resolvePackageManager, type PackageManagerFact } from "./manager.js";
import type { PackageFact } from "./packages.js";
import { READ_LIMITS, readTextOrNull } from "../../read.js";
import { isRecord } from "../../guards.js";

export type { VitestConfig };

/** What the project's own files say about how it is built and checked. */
export interface ProjectFact {
  /** The package manager: the root package.json's `packageManager` field, else the root lockfile's (see resolvePackageManager). */
  packageManager: PackageManagerFact | null;
  /** `yarn` is yarn 2 or later (see isYarnBerry). */
  isYarnBerry: boolean;
  /** Every lockfile of the repository (a repository of independent apps has one per app). */
  lockfiles: string[];
  /** `.npmrc` says `package-lock=false`: no lockfile by choice. */
  isLockfileDisabled: boolean;
  /** CI configuration files with content. */
  ciFiles: string[];
  /** CI configuration files that are empty (an empty workflow does nothing). */
  emptyCiFiles: string[];
  /** Make targets and just recipes per folder ("" for the root). */
  makeTargets: Map<string, Set<string>>;
  justRecipes: Map<string, Set<string>>;
  /** isStrict and noEmit are null when unknown: no tsconfig, or an `extends` that is not in the repository or installed. */
  typescript: {
    isUsed: boolean;
    config: string | null;
    isStrict: boolean | null;
    noEmit: boolean | null;
  };
  /**
   * Scripts that type-check though neither their name nor a `tsc --noEmit` on
   * their command line says so: `tsc -p tsconfig.spec.json` (or a plain `tsc`)
   * whose config sets `noEmit`, vitest with its `typecheck` option on (in its
   * config, or `--typecheck`), a test script that runs `tsc`.
   */
  typecheckScripts: Array<{ dir: string; name: string }>;
  /** Vitest configs (`vitest.config.*`, `vite.config.*`) by folder: `typecheck` enabled, `watch: false`. */
  vitestConfigs: VitestConfig[];
  linter: string | null;
  formatter: string | null;
  /** Env files (`.env.example`, `.env.development`, `.env.*`) and contributor docs (CONTRIBUTING, `docs/`) read for variable names. */
  envFiles: string[];
  envDocs: string[];
  /** Variable names those files document: assigned in an env file, named in a code span, code block or table of a doc. */
  documentedEnv: Set<string>;
  /** Variables package.json scripts set for the command they run (`cross-env X=1 vite build`, `X=1 node …`), and those CI configuration sets (`env:` keys, `X=1 cmd` in its steps). */
  scriptEnv: Set<string>;
}

const CI =
  /^(?:\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|\.buildkite\/.+\.ya?ml|\.drone\.ya?ml|\.woodpecker\.ya?ml)$/;
const MAKEFILE = /(?:^|\/)(?:GNUmakefile|makefile|Makefile)$/;
const JUSTFILE = /(?:^|\/)(?:justfile|Justfile|\.justfile)$/;
/** Env files: `.env`, `.env.example`, `.env.development`, `.env.example-e2e`, `env.example`; not code (`.env.ts`). */
const ENV_FILE = /(?:^|\/)(?:\.env(?:[.-][^/]*)?|env\.example)$/;
const CODE_FILE = /\.(?:[cm]?[jt]sx?|d\.ts|json)$/;
/** Contributor docs: CONTRIBUTING anywhere, Markdown under a docs folder or a docs site's, and any MDX page. */
const ENV_DOC =
  /(?:^|\/)contributing(?:\.(?:md|mdx|markdown|txt))?$|(?:^|\/)(?:docs?|documentation|dev-docs|docs-site|website|wiki)\/(?:[^/]+\/)*[^/]+\.(?:md|mdx|markdown)$|\.mdx$/i;
const CHANGELOG = /(?:^|\/)(?:changelog|changes|history|releases?)(?:\.[a-z]+)?$/i;
/** A doc larger than this is not read for variable names (generated references, changelogs). */
const MAX_DOC_BYTES = 512 * 1024;
const LOCKFILE_NAMES = new Set(LOCKFILES.map(([name]) => name));
const LINTERS: ReadonlyArray<[RegExp | string, string]> = [
  [/(?:^|\/)eslint\.config\.[cm]?[jt]s$|(?:^|\/)\.eslintrc(?:\.[a-z]+)?$/, "eslint"],
  [/(?:^|\/)biome\.jsonc?$/, "biome"],
  [/(?:^|\/)\.?oxlintrc\.json$/, "oxlint"],
  ["eslintConfig", "eslint"],
  ["xo", "xo"],
  ["standard", "standard"],
  ["eslint", "eslint"],
  ["oxlint", "oxlint"],
];
const SCRIPT_LINTERS: ReadonlyArray<[RegExp, string]> = [
  [/\beslint\b/, "eslint"],
  [/\bbiome (?:lint|check|ci)\b/, "biome"],
  [/\boxlint\b/, "oxlint"],
  [/\bxo\b/, "xo"],
];
// Biome lints and formats: as a dependency alone it shows neither, so only its config or a script counts.
const FORMATTERS: ReadonlyArray<[RegExp | string, string]> = [
  [/(?:^|\/)\.prettierrc(?:\.[a-z]+)?$|(?:^|\/)prettier\.config\.[cm]?[jt]s$/, "prettier"],
  [/(?:^|\/)biome\.jsonc?$/, "biome"],
  [/(?:^|\/)\.?dprint\.jsonc?$/, "dprint"],
  ["prettier", "prettier"],
  ["dprint", "dprint"],
];
const SCRIPT_FORMATTERS: ReadonlyArray<[RegExp, string]> = [
  [/\bprettier\b/, "prettier"],
  [/\bbiome (?:format|check|ci)\b/, "biome"],
  [/\bdprint fmt\b/, "dprint"],
];

/** Reads the project's tooling facts. */
export async function readProject(inventory: Inventory, packages: readonly PackageFact[]): Promise<ProjectFact> {
  const paths = inventory.files.map((file) => file.path);
  const readOrNull = async (path: string): Promise<string | null> =>
    readTextOrNull(inventory.root, path, READ_LIMITS.config);
  const read = async (path: string): Promise<string> => (await readOrNull(path)) ?? "";
  const tsconfigs = lazyTsconfigs(inventory.root, packages);
  const packageManager = resolvePackageManager(packages.find((pkg) => pkg.dir === "")?.packageManager ?? null, paths);
  const npmrc = paths.includes(".npmrc") ? await read(".npmrc") : "";
  const ciFiles: string[] = [];
  const emptyCiFiles: string[] = [];
  const ciEnv = new Set<string>();
  for (const path of paths.filter((candidate) => CI.test(candidate))) {
    const text = await readOrNull(path);
    (text?.trim() === "" ? emptyCiFiles : ciFiles).push(path);
    for (const name of namesSetByCi(text ?? "")) ciEnv.add(name);
  }
  const envFiles = paths.filter((path) => ENV_FILE.test(path) && !CODE_FILE.test(path));
  const documentedEnv = new Set<string>();
  for (const path of envFiles) {
    // `KEY=value`, and `# KEY` in a comment that describes a variable left unset.
    for (const match of (await read(path)).matchAll(/^\s*(?:#\s*)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm))
      documentedEnv.add(match[1] ?? "");
  }
  const sizes = new Map(inventory.files.map((file) => [file.path, file.size]));
  const envDocs = paths.filter(
    (path) => ENV_DOC.test(path) && !CHANGELOG.test(posix.basename(path)) && (sizes.get(path) ?? 0) <= MAX_DOC_BYTES,
  );
  for (const path of envDocs) {
    const text = await read(path);
    if (text.length <= MAX_DOC_BYTES) for (const name of namesInDoc(text)) documentedEnv.add(name);
  }
  // Read with the test runners' globs, by the TypeScript parser (literal options under `test`).
  const vitestConfigs = inventory.vitestConfigs;
  return {
    packageManager,
    isYarnBerry: isYarnBerry(packageManager, paths),
    lockfiles: paths.filter((path) => LOCKFILE_NAMES.has(posix.basename(path))),
    isLockfileDisabled: /^\s*package-lock\s*=\s*false\s*$/m.test(npmrc),
    ciFiles,
    emptyCiFiles,
    makeTargets: await targetsOf(
      paths.filter((path) => MAKEFILE.test(path)),
      read,
      /^([A-Za-z0-9_.%/-]+)\s*:(?!=)/gm,
    ),
    justRecipes: await targetsOf(
      paths.filter((path) => JUSTFILE.test(path)),
      read,
      /^@?([A-Za-z0-9_-]+)(?:\s+[^:=\n]*)?:(?!=)/gm,
    ),
    typescript: await readTypescript(inventory, paths, tsconfigs),
    typecheckScripts: unique([
      ...(await noEmitScripts(paths, packages, tsconfigs)),
      ...vitestTypecheckScripts(packages, vitestConfigs),
      ...tscTestScripts(packages),
    ]),
    vitestConfigs,
    linter: detect(LINTERS, paths, packages) ?? fromScripts(SCRIPT_LINTERS, packages),
    formatter: detect(FORMATTERS, paths, packages) ?? fromScripts(SCRIPT_FORMATTERS, packages),
    envFiles,
    envDocs,
    documentedEnv,
    scriptEnv: new Set([...scriptEnv(packages), ...ciEnv]),
  };
}

const NAME = /(?<![\w$])_*[A-Z][A-Z0-9_]{2,}(?![\w$])/g;
const UNDERSCORED = /(?<![\w$])_*[A-Z][A-Z0-9]*_[A-Z0-9_]+(?![\w$])/g;
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})/;

/**
 * Variable names a doc documents: UPPER_CASE names in a code span, a code
 * block or a table row, and names with an underscore anywhere (`PRISMA_NEXT_DEBUG`);
 * a bare capitalised word in prose ("NOTE", "API") is not a variable.
 */
export function namesInDoc(text: string): string[] {
  const names = new Set<string>();
  let inFence = false;
  for (const line of text.split(/\r?\n/)) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    const chunks =
      inFence || line.trimStart().startsWith("|") ? [line] : [...line.matchAll(/`+([^`]+)`+/g)].map((m) => m[1] ?? "");
    for (const chunk of chunks) for (const match of chunk.matchAll(NAME)) names.add(match[0]);
    for (const match of line.matchAll(UNDERSCORED)) names.add(match[0]);
  }
  return [...names];
}

function unique(scripts: ReadonlyArray<{ dir: string; name: string }>): Array<{ dir: string; name: string }> {
  const seen = new Set<string>();
  return scripts.filter((script) => {
    const key = `${script.dir}\0${script.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The vitest config a script's `vitest` reads: `--config`/`-c`, else the package folder's own. */
export function vitestConfigFor(
  dir: string,
  args: readonly string[],
  configs: readonly VitestConfig[],
): VitestConfig | null {
  const flag = args.findIndex((word) => word === "--config" || word === "-c" || word.startsWith("--config="));
  if (flag !== -1) {
    const named = args[flag]?.startsWith("--config=") ? args[flag].slice("--config=".length) : args[flag + 1];
    const path = posix.normalize(posix.join(dir, named ?? ""));
    return configs.find((config) => config.path === path) ?? null;
  }
  const own = configs.filter((config) => config.dir === dir && !config.path.includes(".workspace."));
  // vitest prefers vitest.config.* to vite.config.*.
  return (
    own.find((config) => /(?:^|\/)vitest\.config\.[cm]?[jt]s$/.test(config.path)) ??
    own.find((config) => /(?:^|\/)vite\.config\./.test(config.path)) ??
    null
  );
}

const VITEST_RUN = /(?:^|[\s;&|(])vitest((?:\s+(?!&&|\|\||;)[^\s;&|]+)*)/g;

/** Scripts whose vitest type-checks: `--typecheck`, or a config with `typecheck` enabled. */
function vitestTypecheckScripts(
  packages: readonly PackageFact[],
  configs: readonly VitestConfig[],
): Array<{ dir: string; name: string }> {
  const found: Array<{ dir: string; name: string }> = [];
  for (const pkg of packages) {
    for (const [name, script] of Object.entries(pkg.scripts)) {
      const runs = [...script.matchAll(VITEST_RUN)].map((match) =>
        (match[1] ?? "").trim().split(/\s+/).filter(Boolean),
      );
      const typechecks = runs.some((args) => {
        if (args.includes("--typecheck") || args.includes("--typecheck.enabled") || args[0] === "typecheck")
          return true;
        if (args.includes("--typecheck=false") || ["bench", "list", "init"].includes(args[0] ?? "")) return false;
        return vitestConfigFor(pkg.dir, args, configs)?.isTypecheckEnabled === true;
      });
      if (typechecks) found.push({ dir: pkg.dir, name });
    }
  }
  return found;
}

/** A test script that runs `tsc` type-checks on the way (`"test": "tsc && ava"`), whatever tsc emits. */
function tscTestScripts(packages: readonly PackageFact[]): Array<{ dir: string; name: string }> {
  return packages.flatMap((pkg) =>
    Object.entries(pkg.scripts)
      .filter(
        ([name, script]) =>
          /^tests?(?:[:-].+)?$/.test(name) &&
          /(?:^|[\s;&|(])tsc(?:\s|$)/.test(script) &&
          !/(?:^|[\s;&|(])tsc\b[^;&|]*\s(?:-w|--watch)\b/.test(script),
      )
      .map(([name]) => ({ dir: pkg.dir, name })),
  );
}

/**
 * Variables a CI configuration sets: upper-case keys of its YAML (`env:` maps, GitLab's
 * `variables:`), and `X=1 cmd` or `export X=1` in its commands. Where the CI sets a
 * variable is where an agent learns what it is for (trpc: `MUTE_REACT_ACT_WARNINGS=1 pnpm test`).
 */
function namesSetByCi(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/^\s*-?\s*([A-Z_][A-Z0-9_]*)\s*:(?:\s|$)/gm)) names.add(match[1] ?? "");
  for (const name of assignedNames(text)) names.add(name);
  names.delete("");
  return names;
}

/** `X=1 cmd`, `export X=1`, `"X=1"` in a command line: the names it assigns. */
function assignedNames(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s;&|("'])([A-Z_][A-Z0-9_]*)=(?!=)/gm)].map((match) => match[1] ?? "");
}

/** `X=1 cmd`, `cross-env X=1 cmd`, `env X=1 cmd`, `export X=1`: the variable is set by the script itself. */
function scriptEnv(packages: readonly PackageFact[]): Set<string> {
  const names = new Set<string>();
  for (const pkg of packages)
    for (const script of Object.values(pkg.scripts)) for (const name of assignedNames(script)) names.add(name);
  return names;
}

async function targetsOf(
  files: readonly string[],
  read: (path: string) => Promise<string>,
  pattern: RegExp,
): Promise<Map<string, Set<string>>> {
  const targets = new Map<string, Set<string>>();
  for (const file of files) {
    const dir = posix.dirname(file) === "." ? "" : posix.dirname(file);
    const names = targets.get(dir) ?? new Set<string>();
    for (const match of (await read(file)).matchAll(pattern)) {
      const name = match[1] ?? "";
      if (name !== "" && !name.startsWith(".") && !name.includes("%")) names.add(name);
    }
    targets.set(dir, names);
  }
  return targets;
}

/** One tsconfig reader per scan, made on first use: loading it brings the compiler, which most scans served from the cache never need. */
function lazyTsconfigs(root: string, packages: readonly PackageFact[]): () => Promise<TsconfigReader> {
  let reader: Promise<TsconfigReader> | undefined;
  return () => (reader ??= import("../tsconfig/index.js").then((module) => new module.TsconfigReader(root, packages)));
}

async function readTypescript(
  inventory: Inventory,
  paths: readonly string[],
  tsconfigs: () => Promise<TsconfigReader>,
): Promise<ProjectFact["typescript"]> {
  const isUsed =
    paths.includes("tsconfig.json") ||
    inventory.files.some((file) => file.kind === "source" && /\.(?:[cm]?ts|tsx)$/.test(file.path));
  if (!paths.includes("tsconfig.json")) return { isUsed, config: null, isStrict: null, noEmit: null };
  const direct = await readPlainTsconfig(inventory.root, "tsconfig.json");
  if (direct !== undefined) return { isUsed, config: "tsconfig.json", ...direct };
  // `extends` or `references` (or a file jsonc cannot read): read as tsc would.
  const reader = await tsconfigs();
  const { isStrict } = reader.strictness("tsconfig.json");
  const config = reader.read("tsconfig.json");
  const noEmit = config.options.noEmit ?? (config.unknownBases.length > 0 || config.isSolution ? null : false);
  return { isUsed, config: "tsconfig.json", isStrict, noEmit };
}

const TSC = /(?:^|[\s;&|(])tsc((?:\s+(?!&&|\|\||;)[^\s;&|]+)*)/g;

/** Scripts whose `tsc` reads a config that sets `noEmit`: they type-check, whatever their name. */
async function noEmitScripts(
  paths: readonly string[],
  packages: readonly PackageFact[],
  tsconfigs: () => Promise<TsconfigReader>,
): Promise<Array<{ dir: string; name: string }>> {
  const listed = new Set(paths);
  const candidates: Array<{ dir: string; name: string; config: string }> = [];
  for (const pkg of packages) {
    for (const [name, script] of Object.entries(pkg.scripts)) {
      for (const match of script.matchAll(TSC)) {
        const words = (match[1] ?? "").trim().split(/\s+/).filter(Boolean);
        if (words.includes("--noEmit") || words.includes("-b") || words.includes("--build")) continue;
        const flag = words.findIndex((word) => word === "-p" || word === "--project");
        const named = flag === -1 ? "tsconfig.json" : (words[flag + 1] ?? "tsconfig.json");
        const relative = named.endsWith(".json") ? named : posix.join(named, "tsconfig.json");
        const config = posix.normalize(pkg.dir === "" ? relative : `${pkg.dir}/${relative}`);
        if (listed.has(config)) candidates.push({ dir: pkg.dir, name, config });
      }
    }
  }
  if (candidates.length === 0) return [];
  const reader = await tsconfigs();
  const found = candidates.filter((candidate) => reader.read(candidate.config).options.noEmit === true);
  return found.map(({ dir, name }) => ({ dir, name }));
}

/**
 * strict and noEmit of a tsconfig that neither extends nor references another;
 * undefined when it does, or does not parse.
 */
async function readPlainTsconfig(
  root: string,
  path: string,
): Promise<{ isStrict: boolean; noEmit: boolean } | undefined> {
  const errors: ParseError[] = [];
  const text = readTextOrNull(root, path, READ_LIMITS.config);
  if (text === null) return undefined;
  const config: unknown = parseJsonc(text, errors, {
    allowTrailingComma: true,
  });
  if (errors.length > 0 || typeof config !== "object" || config === null) return undefined;
  if ("extends" in config || "references" in config) return undefined;
  const options = "compilerOptions" in config ? config.compilerOptions : undefined;
  const read = (key: string) => isRecord(options) && options[key] === true;
  return { isStrict: read("strict"), noEmit: read("noEmit") };
}

function detect(
  signals: ReadonlyArray<[RegExp | string, string]>,
  paths: readonly string[],
  packages: readonly PackageFact[],
): string | null {
  for (const [signal, tool] of signals) {
    if (
      typeof signal !== "string"
        ? paths.some((path) => signal.test(path))
        : packages.some((pkg) => pkg.keys.includes(signal) || pkg.dependencies.includes(signal))
    ) {
      return tool;
    }
  }
  return null;
}

function fromScripts(signals: ReadonlyArray<[RegExp, string]>, packages: readonly PackageFact[]): string | null {
  const scripts = packages.flatMap((pkg) => Object.values(pkg.scripts));
  return signals.find(([pattern]) => scripts.some((script) => pattern.test(script)))?.[1] ?? null;
}
