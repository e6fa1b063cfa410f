/**
 * What a package script's body runs: the scripts of its own package it runs
 * by name, and the scripts it runs in every workspace package through a task
 * runner. A command may run another through its arguments (a wrapper: `node
 * scripts/run-logged.mjs build pnpm build`, `cross-env X=1 pnpm build`,
 * `dotenv -- pnpm build`, `sh -c "pnpm build"`), so the arguments of a
 * command this reader does not know are read for the first word that starts a
 * command it does know, and for a quoted argument that is such a command.
 * Script runners name scripts in their arguments (`run-s build test`,
 * `npm-run-all build:*`, `concurrently "npm:build" "pnpm test"`,
 * `node --run build`); task runners run a script in each workspace package
 * (`turbo run build`, `nx run-many -t build`, `lerna run build`, `pnpm -r build`).
 */
import { posix } from "node:path";
import { recognise } from "./commands.js";

/** What a script's body runs. */
export interface ScriptRuns {
  /** Scripts of the same package, by name or by an npm-run-all pattern (`build:*`, `lint:**`). */
  scripts: string[];
  /** Scripts it runs in every workspace package, through a task runner (`turbo run build` runs "build"). */
  tasks: string[];
}

/** A word of a shell command, its quotes removed; quoted when it began with a quote. */
interface Word {
  text: string;
  isQuoted: boolean;
}

/** Commands whose words this reader knows: a wrapper's argument that is one of them starts the command it runs. */
const RUNNERS = new Set([
  "npm",
  "pnpm",
  "yarn",
  "bun",
  "npx",
  "pnpx",
  "bunx",
  "node",
  "run-s",
  "run-p",
  "npm-run-all",
  "npm-run-all2",
  "concurrently",
  "turbo",
  "nx",
  "lerna",
]);
/** Commands that print their arguments rather than run them. */
const PRINTERS = new Set(["echo", "printf"]);
/** Nesting is bounded: `sh -c "sh -c '…'"` goes no deeper than this. */
const MAX_DEPTH = 4;

/** What a script's body runs (see the module comment). */
export function scriptRuns(body: string): ScriptRuns {
  const found: ScriptRuns = { scripts: [], tasks: [] };
  readLine(body, found, 0);
  return { scripts: [...new Set(found.scripts)], tasks: [...new Set(found.tasks)] };
}

function readLine(text: string, found: ScriptRuns, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const words of shellParts(text)) {
    // After a `cd` the rest of the line runs in another folder, whose scripts are another package's.
    if (words[0]?.text === "cd") return;
    readCommand(words, found, depth);
  }
}

function readCommand(all: readonly Word[], found: ScriptRuns, depth: number): void {
  const start = all.findIndex((word) => word.isQuoted || !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.text));
  if (start === -1) return;
  const words = all.slice(start);
  const tool = posix.basename(words[0]?.text ?? "");
  const args = words.slice(1).map((word) => word.text);
  switch (tool) {
    case "npm":
    case "pnpm":
    case "yarn":
    case "bun": {
      const command = recognise([tool, ...args]);
      // `pnpm exec cross-env X=1 pnpm build`, `pnpm dlx turbo run build`: the command runs another.
      if (command === null || command.need.kind === "bin") return readArguments(words, found, depth);
      const need = command.need;
      if (need.kind !== "script" || command.dir !== null || command.isAtRoot) return;
      if (need.selection === null) found.scripts.push(need.script);
      else if (need.selection.all && need.selection.selectors.length === 0) found.tasks.push(need.script);
      return;
    }
    case "node": {
      // Node 22's `node --run build` runs the package's script.
      const index = args.findIndex((arg) => arg === "--run" || arg.startsWith("--run="));
      const name = index === -1 ? undefined : (args[index]?.split("=")[1] ?? args[index + 1]);
      if (name) found.scripts.push(name);
      else readArguments(words, found, depth);
      return;
    }
    case "run-s":
    case "run-p":
    case "npm-run-all":
    case "npm-run-all2":
      found.scripts.push(...npmRunAll(args));
      return;
    case "concurrently":
      return concurrently(words.slice(1), found, depth);
    case "turbo":
      found.tasks.push(...turbo(args));
      return;
    case "nx":
      found.tasks.push(...nx(args));
      return;
    case "lerna":
      found.tasks.push(...lerna(args));
      return;
    default:
      if (!PRINTERS.has(tool)) readArguments(words, found, depth);
  }
}

/** A wrapper's arguments: the first that starts a known command runs it with the rest; a quoted one may be a command line. */
function readArguments(words: readonly Word[], found: ScriptRuns, depth: number): void {
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index];
    if (word === undefined) continue;
    if (word.isQuoted) {
      if (/\s/.test(word.text) && RUNNERS.has(word.text.trim().split(/\s+/)[0] ?? ""))
        readLine(word.text, found, depth + 1);
      continue;
    }
    if (RUNNERS.has(posix.basename(word.text))) return readCommand(words.slice(index), found, depth + 1);
  }
}

/** npm-run-all, run-s, run-p: every argument that is no option names scripts (a glob: `build:*`); `--` ends them. */
function npmRunAll(args: readonly string[]): string[] {
  const names: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    if (arg === "--") break;
    if (arg === "--max-parallel" || arg === "--npm-path") index += 1;
    else if (!arg.startsWith("-")) names.push(arg.trim().split(/\s+/)[0] ?? "");
  }
  return names.filter(Boolean);
}

const CONCURRENTLY_VALUES = new Set([
  "-n",
  "--names",
  "-c",
  "--prefix-colors",
  "-p",
  "--prefix",
  "-s",
  "--success",
  "-m",
  "--max-processes",
  "--restart-tries",
  "--restart-after",
  "-t",
  "--timestamp-format",
  "--default-input-target",
  "--name-separator",
  "-l",
  "--prefix-length",
  "--pad-prefix",
]);

/** `concurrently "npm:build" "pnpm test"`: each command argument, `npm:x` (or `pnpm:x`, `yarn:x`, `bun:x`) naming a script. */
function concurrently(args: readonly Word[], found: ScriptRuns, depth: number): void {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]?.text ?? "";
    if (CONCURRENTLY_VALUES.has(arg)) index += 1;
    else if (arg.startsWith("-")) continue;
    else {
      const shorthand = /^(?:npm|pnpm|yarn|bun):(\S+)/.exec(arg);
      if (shorthand?.[1]) found.scripts.push(shorthand[1]);
      else readLine(arg, found, depth + 1);
    }
  }
}

/** turbo options that take a value (the others are flags). */
const TURBO_VALUES = new Set([
  "--concurrency",
  "--cache-dir",
  "--output-logs",
  "--log-order",
  "--env-mode",
  "--cache",
  "--ui",
  "--log-prefix",
  "--profile",
  "--team",
  "--token",
  "--api",
  "--login",
  "--heap",
  "--global-deps",
  "--remote-cache-timeout",
]);
/** Options that run the tasks in some packages only, or somewhere else. */
const TURBO_SCOPING = new Set(["--filter", "-F", "--scope", "--ignore", "--since", "--affected", "--cwd"]);
/** turbo's commands; any other first word is a task (`turbo build` is `turbo run build`). */
const TURBO_COMMANDS = new Set([
  "bin",
  "boundaries",
  "completion",
  "daemon",
  "devtools",
  "docs",
  "gen",
  "generate",
  "info",
  "link",
  "login",
  "logout",
  "ls",
  "prune",
  "query",
  "scan",
  "telemetry",
  "unlink",
  "watch",
]);

/** `turbo run build lint`, `turbo build`: the tasks, when they run in every package. */
function turbo(args: readonly string[]): string[] {
  const positional: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    if (arg === "--") break;
    const option = arg.split("=")[0] ?? "";
    if (TURBO_SCOPING.has(option)) return [];
    if (TURBO_VALUES.has(arg)) index += 1;
    else if (!arg.startsWith("-")) positional.push(arg);
  }
  const [first, ...rest] = positional;
  if (first === undefined || TURBO_COMMANDS.has(first)) return [];
  return first === "run" ? rest : positional;
}

/** `nx run-many -t build test`, `--target=build`, `--targets build,test`: the targets, when no projects are picked. */
function nx(args: readonly string[]): string[] {
  if (args[0] !== "run-many") return [];
  const targets: string[] = [];
  let isTarget = false;
  for (const arg of args.slice(1)) {
    const [option = "", value] = arg.split(/=(.*)/s);
    if (["-p", "--projects", "--exclude", "--affected"].includes(option)) return [];
    if (["-t", "--target", "--targets"].includes(option)) {
      isTarget = value === undefined;
      if (value !== undefined) targets.push(...value.split(","));
    } else if (arg.startsWith("-")) isTarget = false;
    else if (isTarget) targets.push(...arg.split(","));
  }
  return targets.filter(Boolean);
}

/** `lerna run build`: the script, when it runs in every package. */
function lerna(args: readonly string[]): string[] {
  if (args[0] !== "run") return [];
  if (args.some((arg) => ["--scope", "--ignore", "--since"].includes(arg.split("=")[0] ?? ""))) return [];
  const name = args.slice(1).find((arg) => !arg.startsWith("-"));
  return name ? [name] : [];
}

/** The simple commands of a command line, split on `&&`, `||`, `;`, `|`, `&` and parentheses outside quotes. */
function shellParts(text: string): Word[][] {
  const parts: Word[][] = [];
  let words: Word[] = [];
  // The word being read: its text so far, whether it has begun (`""` is a word), whether it began with a quote.
  let current = "";
  let isStarted = false;
  let isQuoted = false;
  let quote: string | null = null;
  const add = (char: string, quoted = false): void => {
    if (!isStarted) isQuoted = quoted;
    isStarted = true;
    current += char;
  };
  const endWord = (): void => {
    if (isStarted) words.push({ text: current, isQuoted });
    current = "";
    isStarted = false;
  };
  const endPart = (): void => {
    endWord();
    if (words.length > 0) parts.push(words);
    words = [];
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? "";
    const next = text[index + 1];
    if (quote !== null) {
      if (char === quote) quote = null;
      else if (char === "\\" && quote === '"' && next !== undefined) {
        add(next);
        index += 1;
      } else add(char);
    } else if (char === '"' || char === "'") {
      quote = char;
      add("", true);
    } else if (char === "\\" && next !== undefined) {
      add(next);
      index += 1;
    } else if (/[;&|()\n]/.test(char)) endPart();
    else if (/\s/.test(char)) endWord();
    else add(char);
  }
  endPart();
  return parts;
}
