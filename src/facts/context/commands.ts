/**
 * Shell commands as agent context files write them: found in fenced shell
 * blocks and inline code spans, split into simple commands, and recognised when
 * they name something the repository must provide (a package script, a make or
 * just target, a package binary).
 */

/** A command line found in a document, before it is split. */
export interface CommandLine {
  text: string;
  line: number;
  column: number;
}

/** What a simple command asks the repository for. */
export type CommandNeed =
  | {
      kind: "script";
      manager: string;
      script: string;
      workspace: string | null;
      /** `--workspaces`, `-r`, `workspaces foreach`: the script runs in every workspace package. */
      anyWorkspace: boolean;
      /** `--if-present`: packages without the script are skipped. */
      ifPresent: boolean;
    }
  | { kind: "bin"; manager: string; bin: string }
  | { kind: "make"; target: string | null; dir: string | null }
  | { kind: "just"; recipe: string | null }
  | { kind: "file"; manager: string; file: string };

/** One recognised simple command. */
export interface RecognisedCommand extends CommandLine {
  need: CommandNeed;
  /** Directory the command runs in, relative to the document's folder (from `cd x && …`). */
  cwd: string;
}

const SHELL_LANGUAGES = new Set([
  "",
  "sh",
  "bash",
  "shell",
  "zsh",
  "console",
  "terminal",
  "shellsession",
  "shell-session",
  "fish",
]);
const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w-]*)/;
const INLINE_CODE = /(`+)([^`]+?)\1/g;

/** Candidate command lines: every line of shell fences, and inline code spans that start with a known tool. */
export function commandLines(lines: readonly string[]): CommandLine[] {
  const found: CommandLine[] = [];
  let fence: { marker: string; isShell: boolean; isConsole: boolean } | null = null;
  lines.forEach((text, index) => {
    const opening = FENCE.exec(text);
    if (opening?.[1]) {
      const marker = opening[1];
      if (fence === null) {
        const language = (opening[2] ?? "").toLowerCase();
        fence = {
          marker,
          isShell: SHELL_LANGUAGES.has(language),
          isConsole: /console|session|terminal/.test(language),
        };
      } else if (marker[0] === fence.marker[0] && marker.length >= fence.marker.length) fence = null;
      return;
    }
    if (fence !== null) {
      if (!fence.isShell) return;
      const prompt = /^(\s*)(?:\$|>|%)\s+/.exec(text);
      if (fence.isConsole && !prompt) return;
      const command = prompt ? text.slice(prompt[0].length) : text.trim();
      if (command !== "" && !command.startsWith("#"))
        found.push({ text: command, line: index + 1, column: 1 + text.indexOf(command) });
      return;
    }
    for (const match of text.matchAll(INLINE_CODE)) {
      const code = (match[2] ?? "").trim();
      if (TOOL_START.test(code))
        found.push({ text: code, line: index + 1, column: 1 + (match.index ?? 0) + (match[1]?.length ?? 1) });
    }
  });
  return found;
}

const TOOL_START = /^(?:\$\s+)?(?:cd\s+\S+\s*&&\s*)?(?:npm|npx|pnpm|pnpx|yarn|bun|bunx|make|just)(?:\s|$)/;

/** Splits a command line on `&&`, `||`, `;` and `|`, following `cd`, and recognises each part. */
export function recogniseCommands(line: CommandLine): RecognisedCommand[] {
  const recognised: RecognisedCommand[] = [];
  let cwd = "";
  for (const part of line.text.replace(/^\$\s+/, "").split(/\s*(?:&&|\|\||;|\|)\s*/)) {
    const words = tokenize(part);
    if (words[0] === "cd" && words[1]) {
      cwd = joinDir(cwd, words[1]);
      continue;
    }
    const need = recognise(words);
    if (need) recognised.push({ ...line, need, cwd });
  }
  return recognised;
}

function tokenize(part: string): string[] {
  const words = part.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  // Environment assignments (`CI=1 npm test`) come before the command.
  while (words[0] !== undefined && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) words.shift();
  return words.map((word) => word.replace(/^["']|["']$/g, ""));
}

function joinDir(from: string, to: string): string {
  const parts = (to.startsWith("/") ? [] : from.split("/").filter(Boolean)).concat(to.split("/"));
  const out: string[] = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

const NPM_BUILTINS = new Set([
  "install",
  "i",
  "ci",
  "add",
  "uninstall",
  "remove",
  "rm",
  "update",
  "up",
  "init",
  "publish",
  "pack",
  "version",
  "audit",
  "outdated",
  "ls",
  "list",
  "link",
  "login",
  "config",
  "cache",
  "help",
  "view",
  "info",
  "whoami",
  "prune",
  "dedupe",
  "doctor",
  "fund",
  "rebuild",
  "root",
  "bin",
  "prefix",
  "query",
  "pkg",
  "explain",
  "why",
  "set",
  "get",
  "create",
]);
const PNPM_BUILTINS = new Set([
  "install",
  "i",
  "add",
  "remove",
  "rm",
  "update",
  "up",
  "init",
  "publish",
  "pack",
  "why",
  "list",
  "ls",
  "outdated",
  "audit",
  "store",
  "env",
  "setup",
  "link",
  "unlink",
  "import",
  "rebuild",
  "prune",
  "deploy",
  "fetch",
  "patch",
  "patch-commit",
  "config",
  "licenses",
  "root",
  "bin",
  "help",
  "create",
  "dedupe",
  "server",
  "approve-builds",
]);
const YARN_BUILTINS = new Set([
  "install",
  "add",
  "remove",
  "up",
  "upgrade",
  "why",
  "info",
  "init",
  "set",
  "config",
  "plugin",
  "npm",
  "constraints",
  "dedupe",
  "explain",
  "link",
  "unlink",
  "pack",
  "patch",
  "patch-commit",
  "rebuild",
  "search",
  "unplug",
  "version",
  "cache",
  "bin",
  "create",
  "import",
  "global",
  "login",
  "logout",
  "publish",
  "outdated",
  "audit",
  "list",
  "licenses",
  "generate-lock-entry",
  "check",
  "autoclean",
  "help",
  "node",
]);
const BUN_BUILTINS = new Set([
  "install",
  "i",
  "add",
  "remove",
  "rm",
  "update",
  "init",
  "create",
  "upgrade",
  "pm",
  "link",
  "unlink",
  "build",
  "test",
  "repl",
  "outdated",
  "publish",
  "patch",
  "audit",
  "info",
]);

function recognise(words: readonly string[]): CommandNeed | null {
  const [tool, ...rest] = words;
  switch (tool) {
    case "npm":
      return npm(rest);
    case "pnpm":
      return pnpm(rest);
    case "yarn":
      return yarn(rest);
    case "bun":
      return bun(rest);
    case "npx":
    case "pnpx":
    case "bunx":
      return binNeed(tool, rest);
    case "make":
      return make(rest);
    case "just":
      return { kind: "just", recipe: rest.find((word) => !word.startsWith("-")) ?? null };
    default:
      return null;
  }
}

/** Pulls workspace flags out of a word list: `-w x`, `--workspace=x`, `--filter x`, `-F x`, `-ws`, `-r`. */
function workspaceFlags(words: readonly string[]): {
  rest: string[];
  workspace: string | null;
  anyWorkspace: boolean;
  ifPresent: boolean;
} {
  const rest: string[] = [];
  let workspace: string | null = null;
  let anyWorkspace = false;
  let ifPresent = false;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? "";
    const inline = /^--(?:workspace|filter)=(.+)$/.exec(word);
    if (inline?.[1]) workspace = inline[1];
    else if (["-w", "--workspace", "--filter", "-F"].includes(word)) {
      workspace = words[index + 1] ?? null;
      index += 1;
    } else if (["-ws", "--workspaces", "-r", "--recursive"].includes(word)) anyWorkspace = true;
    else if (word === "--if-present") ifPresent = true;
    else rest.push(word);
  }
  return { rest, workspace, anyWorkspace, ifPresent };
}

function npm(words: readonly string[]): CommandNeed | null {
  const { rest, workspace, anyWorkspace, ifPresent } = workspaceFlags(words);
  const [verb, name] = rest.filter((word) => !word.startsWith("-"));
  if (verb === undefined) return null;
  const script = (value: string): CommandNeed => ({
    kind: "script",
    manager: "npm",
    script: value,
    workspace,
    anyWorkspace,
    ifPresent,
  });
  if (["test", "t", "tst"].includes(verb)) return script("test");
  if (["start", "stop", "restart"].includes(verb)) return script(verb);
  if (["run", "run-script", "rum", "urn"].includes(verb)) return name ? script(name) : null;
  if (["exec", "x"].includes(verb)) return binNeed("npm", rest.slice(1));
  return null;
}

function pnpm(words: readonly string[]): CommandNeed | null {
  const { rest, workspace, anyWorkspace } = workspaceFlags(words);
  const [verb, name] = rest.filter((word) => !word.startsWith("-"));
  if (verb === undefined) return null;
  const script = (value: string): CommandNeed => ({
    kind: "script",
    manager: "pnpm",
    script: value,
    workspace,
    anyWorkspace,
    // pnpm -r runs a script in the packages that have it.
    ifPresent: true,
  });
  if (verb === "run" || verb === "run-script") return name ? script(name) : null;
  if (verb === "exec") return binNeed("pnpm", rest.slice(1));
  if (verb === "dlx") return null;
  if (["test", "t", "start"].includes(verb)) return script(verb === "t" ? "test" : verb);
  return PNPM_BUILTINS.has(verb) ? null : script(verb);
}

function yarn(words: readonly string[]): CommandNeed | null {
  const plain = words.filter((word) => !word.startsWith("-"));
  if (plain[0] === "workspace" && plain[1] && plain[2]) {
    return plain[2] === "run"
      ? plain[3]
        ? yarnScript(plain[3], plain[1], false)
        : null
      : yarnScript(plain[2], plain[1], false);
  }
  if (plain[0] === "workspaces") {
    const run = plain.indexOf("run");
    return run !== -1 && plain[run + 1] ? yarnScript(plain[run + 1] ?? "", null, true) : null;
  }
  const [verb, name] = plain;
  if (verb === undefined) return null;
  if (verb === "run") return name ? yarnScript(name, null, false) : null;
  if (verb === "exec") return binNeed("yarn", words.slice(1));
  if (verb === "dlx") return null;
  if (verb === "test" || verb === "start") return yarnScript(verb, null, false);
  return YARN_BUILTINS.has(verb) ? null : yarnScript(verb, null, false);
}

function yarnScript(script: string, workspace: string | null, anyWorkspace: boolean): CommandNeed {
  return { kind: "script", manager: "yarn", script, workspace, anyWorkspace, ifPresent: true };
}

function bun(words: readonly string[]): CommandNeed | null {
  const { rest, workspace, anyWorkspace } = workspaceFlags(words);
  const [verb, name] = rest.filter((word) => !word.startsWith("-"));
  if (verb === undefined) return null;
  const target = verb === "run" ? name : verb;
  if (target === undefined || (verb !== "run" && BUN_BUILTINS.has(verb))) return null;
  if (verb === "x") return binNeed("bun", rest.slice(1));
  if (/\.[cm]?[jt]sx?$/.test(target)) return { kind: "file", manager: "bun", file: target };
  return { kind: "script", manager: "bun", script: target, workspace, anyWorkspace, ifPresent: true };
}

function binNeed(manager: string, words: readonly string[]): CommandNeed | null {
  const remaining = [...words];
  while (remaining[0]?.startsWith("-")) {
    const flag = remaining.shift() ?? "";
    if (["-p", "--package", "-c", "--call"].includes(flag)) return null;
  }
  const bin = remaining[0];
  // `npx create-app@latest` fetches a named version on purpose: nothing to check in the repository.
  if (bin === undefined || /.@/.test(bin) || (bin.includes("/") && !bin.startsWith("@"))) return null;
  return { kind: "bin", manager, bin };
}

function make(words: readonly string[]): CommandNeed {
  let dir: string | null = null;
  const targets: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? "";
    if (word === "-C" || word === "--directory") {
      dir = words[index + 1] ?? null;
      index += 1;
    } else if (!word.startsWith("-") && !word.includes("=")) targets.push(word);
  }
  return { kind: "make", target: targets[0] ?? null, dir };
}
