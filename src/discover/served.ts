/**
 * The app an end-to-end runner drives: the folder the dev server its config
 * starts serves (Playwright's `webServer.command` and `cwd`; for Cypress, the
 * server a `start-server-and-test` or `wait-on` script starts, or the package's
 * dev script when `baseUrl` is a local address). The command is followed
 * through the package scripts it runs, `cd dir &&`, and the package managers'
 * folder and workspace options, without running anything: the folder of the
 * last command of the chain is the app. An app that is its own package and
 * depends on the package holding the runner config by a local specifier
 * (`file:..`, `workspace:*`) exists to be driven by those tests: a test harness.
 *
 * May: read what runners.ts hands over (manifests, commands, listed paths). May not: read files, run anything.
 */
import { posix } from "node:path";

/** What the runner reader keeps of a package.json. */
export interface Manifest {
  /** Repo-relative folder, "" for the root. */
  dir: string;
  name: string | null;
  scripts: Record<string, string>;
  /** Dependencies of every kind, name → specifier. */
  dependencies: Record<string, string>;
}

/** A server command a runner's config (or a package script) starts before the e2e tests. */
export interface ServerCommand {
  runner: "playwright" | "cypress";
  /** Where the command was read: the runner config, or `package.json#scripts.x`. */
  config: string;
  command: string;
  /** The folder the command runs in (repo-relative). */
  cwd: string;
}

/** An app an e2e runner serves to its tests, and the files its server loads first. */
export interface ServedApp {
  runner: "playwright" | "cypress";
  config: string;
  command: string;
  /** The folder the server serves (repo-relative, "" for the root). */
  dir: string;
  /** Code files the app's server loads first (index.html scripts, Next.js routes); the app's code files when unknown. */
  entries: string[];
  /** Why the app is a test harness of the package the tests belong to (`depends on x by file:..`), or null. */
  harness: string | null;
}

const MANAGERS = new Set(["npm", "pnpm", "yarn", "bun"]);
/** Package-manager commands that run no script of the package (installs, binaries). */
const BUILTINS = new Set(["install", "i", "ci", "add", "remove", "update", "link", "unlink", "prune", "dedupe"]);
const EXECUTORS = new Set(["exec", "x", "dlx"]);
/** A script a test runner drives (`cypress run`, `playwright test`). */
const E2E_RUN = /\b(?:cypress\s+(?:run|open)|playwright\s+test)\b/;
const SERVER_AND_TEST = /^(?:start-server-and-test|server-test|start-test)$/;
const MAX_DEPTH = 6;

/**
 * The folder `command`, run in `cwd`, ends up serving from: the last command of its chain, through the package
 * scripts it runs. Null when it leaves the repository.
 */
export function servedFolder(command: string, cwd: string, context: ServeContext, depth = 0): string | null {
  let dir: string | null = cwd;
  let served: string | null = null;
  for (const segment of splitChain(command)) {
    if (dir === null) return null;
    const words = withoutEnv(segment);
    if (words.length === 0) continue;
    if (words[0] === "cd") {
      dir = words[1] === undefined ? dir : inside(dir, words[1]);
      continue;
    }
    served = runIn(words, dir, context, depth);
  }
  return served ?? dir;
}

/** What following a command needs: the packages, and which folders exist. */
export interface ServeContext {
  manifests: readonly Manifest[];
  isFolder(dir: string): boolean;
}

/** The folder one command serves from: a script of a package it runs, or the folder it runs in. */
function runIn(words: readonly string[], cwd: string, context: ServeContext, depth: number): string | null {
  const { manifests } = context;
  const [first = "", ...rest] = words;
  if (first === "npx" || first === "bunx" || first === "pnpx") return positionalFolder(rest.slice(1), cwd, context);
  if (!MANAGERS.has(first)) return positionalFolder(rest, cwd, context);
  let dir: string | null = cwd;
  let script: string | null = null;
  let isBinary = false;
  for (let index = 0; index < rest.length && !isBinary; index += 1) {
    const word = rest[index] ?? "";
    if (word === "--") break;
    // npm reads its own options after the script's name too (`npm run dev --workspace=web`); the others pass them on.
    if (script !== null && (first !== "npm" || !word.startsWith("-"))) {
      if (first !== "npm") break;
      continue;
    }
    const [flag, inline] = word.startsWith("--") && word.includes("=") ? word.split(/=(.*)/s) : [word, undefined];
    const value = (): string => inline ?? rest[++index] ?? "";
    if (flag === "-C" || flag === "--dir" || flag === "--prefix" || flag === "--cwd") dir = inside(cwd, value());
    else if (flag === "--filter" || flag === "-F" || flag === "--workspace" || flag === "-w") {
      if (flag === "-w" && first === "pnpm") dir = "";
      else dir = packageBy(value(), cwd, manifests);
    } else if (flag === "--workspace-root") dir = "";
    else if (word === "workspace" && first === "yarn") dir = packageBy(rest[++index] ?? "", cwd, manifests);
    else if (word.startsWith("-")) continue;
    else if (word === "run" || word === "run-script") script = rest[++index] ?? null;
    else if (EXECUTORS.has(word)) isBinary = true;
    else if (BUILTINS.has(word)) return null;
    else script = word;
  }
  if (dir === null) return null;
  const manifest = manifests.find((candidate) => candidate.dir === dir);
  const text = script !== null ? manifest?.scripts[script] : undefined;
  if (text === undefined || depth >= MAX_DEPTH) return dir;
  return servedFolder(text, dir, context, depth + 1);
}

/** A dev server given its app's folder as an argument (`vitepress dev docs`, `vite --root site`): that folder. */
function positionalFolder(args: readonly string[], cwd: string, context: ServeContext): string {
  const root = args.findIndex((word) => word === "--root" || word === "--dir");
  const named = root !== -1 ? args[root + 1] : undefined;
  if (named !== undefined) return inside(cwd, named) ?? cwd;
  // A bare word that is a folder of the repository; a port or a subcommand (`dev`, `3000`) is none.
  for (const word of args) {
    if (word.startsWith("-")) continue;
    const dir = inside(cwd, word);
    if (dir !== null && dir !== cwd && context.isFolder(dir)) return dir;
  }
  return cwd;
}

/** A workspace package by name or by path (`--filter web`, `--filter ./apps/web`, `-w apps/web`). */
function packageBy(selector: string, cwd: string, manifests: readonly Manifest[]): string | null {
  const cleaned = selector
    .replace(/^\{(.*)\}$/, "$1")
    .replace(/\.\.\.$/, "")
    .replace(/^\.\.\./, "");
  const byName = manifests.find((manifest) => manifest.name === cleaned);
  if (byName) return byName.dir;
  const dir = inside(cwd, cleaned);
  return dir !== null && manifests.some((manifest) => manifest.dir === dir) ? dir : null;
}

/** `relative` from `dir`, repo-relative; null when it leaves the repository or is absolute. */
function inside(dir: string, relative: string): string | null {
  if (relative.startsWith("/") || relative.includes("$")) return null;
  const joined = posix.normalize(posix.join(dir === "" ? "." : dir, relative));
  if (joined === "." || joined === "./") return "";
  if (joined.startsWith("..")) return null;
  return joined.replace(/\/$/, "");
}

/** The commands of a shell line, split at `&&`, `||`, `;` and `&` outside quotes. */
export function splitChain(command: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (let index = 0; index < command.length; index += 1) {
    const char = command[index] ?? "";
    if (quote !== null) {
      if (char === quote) quote = null;
      current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (
      char === ";" ||
      (char === "&" && command[index - 1] !== ">" && command[index + 1] !== ">") ||
      (char === "|" && command[index + 1] === "|")
    ) {
      if (command[index + 1] === char) index += 1;
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** A command's words, quotes removed, after its environment assignments (`PORT=3 cross-env A=1 vite`). */
function withoutEnv(command: string): string[] {
  const words = (command.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^(["'])(.*)\1$/s, "$2"));
  let start = 0;
  while (start < words.length && (/^[A-Za-z_]\w*=/.test(words[start] ?? "") || words[start] === "cross-env"))
    start += 1;
  return words.slice(start);
}

/**
 * Servers that package scripts start for an e2e runner: `start-server-and-test <start> <url> <test>` (and its
 * `server-test` and `start-test` names) and `<start> & wait-on <url> && cypress run`, where the test part runs
 * Cypress or Playwright; `config` names the runner's config in that package, when it has one.
 */
export function scriptServers(
  manifest: Manifest,
  configOf: (runner: ServerCommand["runner"]) => string | null,
): ServerCommand[] {
  const servers: ServerCommand[] = [];
  const runnerOf = (text: string): ServerCommand["runner"] | null => {
    const run = /\b(cypress|playwright)\b/.exec(manifest.scripts[text] ?? text);
    return run && E2E_RUN.test(manifest.scripts[text] ?? text)
      ? run[1] === "cypress"
        ? "cypress"
        : "playwright"
      : null;
  };
  for (const [name, text] of Object.entries(manifest.scripts)) {
    const words = (text.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^(["'])(.*)\1$/s, "$2"));
    const at = words.findIndex((word) => SERVER_AND_TEST.test(word));
    let start: string | null = null;
    let runner: ServerCommand["runner"] | null = null;
    if (at !== -1) {
      const args = words.slice(at + 1).filter((word) => !word.startsWith("-"));
      const test = args[args.length - 1];
      runner = test !== undefined && args.length >= 2 ? runnerOf(test) : null;
      start = args[0] ?? null;
    } else if (/\bwait-on\b/.test(text) && E2E_RUN.test(text)) {
      runner = runnerOf(text);
      // `vite & wait-on URL && cypress run`, or `concurrently "vite" "wait-on URL && cypress run"`.
      const concurrent = words.indexOf("concurrently");
      const parts =
        concurrent !== -1
          ? words.slice(concurrent + 1).filter((word) => !word.startsWith("-"))
          : [text.split(/\s&(?!&)/)[0] ?? ""];
      start = parts.find((part) => part !== text && !/\bwait-on\b/.test(part))?.trim() ?? null;
    }
    if (runner === null || start === null) continue;
    // A bare word is a script of the package (start-server-and-test's own shorthand): run it with npm.
    const command = /\s/.test(start) || manifest.scripts[start] === undefined ? start : `npm run ${start}`;
    const file = manifest.dir === "" ? "package.json" : `${manifest.dir}/package.json`;
    servers.push({ runner, config: configOf(runner) ?? `${file}#scripts.${name}`, command, cwd: manifest.dir });
  }
  return servers;
}

/** The package (folder) a path belongs to: the deepest manifest folder above it. */
export function packageOf(path: string, manifests: readonly Manifest[]): Manifest | undefined {
  let best: Manifest | undefined;
  for (const manifest of manifests) {
    const isAbove = manifest.dir === "" || path === manifest.dir || path.startsWith(`${manifest.dir}/`);
    if (isAbove && (best === undefined || manifest.dir.length > best.dir.length)) best = manifest;
  }
  return best;
}

/**
 * Why the app in `dir` is a harness of the package holding the tests' config: it is a package of its own that
 * depends on that package by a local specifier (`file:..`, `link:`, `portal:`, `workspace:`). Null otherwise.
 */
export function harnessOf(dir: string, configPath: string, manifests: readonly Manifest[]): string | null {
  const app = manifests.find((manifest) => manifest.dir === dir);
  const owner = packageOf(configPath, manifests);
  if (!app || !owner || owner.dir === dir || owner.name === null) return null;
  const specifier = app.dependencies[owner.name];
  if (specifier === undefined) return null;
  if (specifier.startsWith("workspace:")) return `it depends on ${owner.name} by ${specifier}`;
  const local = /^(?:file|link|portal):(.*)$/.exec(specifier);
  if (!local || inside(dir, local[1] ?? "") !== owner.dir) return null;
  return `it depends on ${owner.name} by ${specifier}`;
}
