/**
 * Shell commands as agent context files write them: found in fenced shell
 * blocks and inline code spans, split into simple commands, and recognised when
 * they name something the repository must provide (a package script, a make or
 * just target, a package binary). Each package manager's command line is read
 * as that manager reads it: its own options, its built-in commands, and the
 * packages a workspace flag selects.
 */

/** A command line found in a document, before it is split. */
export interface CommandLine {
  text: string;
  line: number;
  column: number;
  /** The surrounding text says the command runs from the repository root (a heading, a sentence, a comment). */
  isAtRoot: boolean;
  /** The folder a list item is about (`` - `examples/demo` — run `pnpm dev` ``), as written; null elsewhere. */
  subject: string | null;
  /** The text says not to run it (`` use `pnpm run deploy` (not `pnpm deploy`) ``, `` instead of `npm i` ``); absent otherwise. */
  isNegated?: boolean;
  /**
   * The text introduces it as an example: its sentence, the sentence before its code block or a comment above it
   * says "for example", "for instance", "e.g.", "such as", or opens with "Example:"; or a heading "Example" is over
   * it. Absent otherwise. Its package names may be stand-ins (see verify).
   */
  isExample?: boolean;
  /**
   * Folder an earlier bare `cd` line of the same code block moved to ("" for none, null when it cannot be known;
   * null too after a scaffolder earlier in the section: the command runs in the project the reader just created).
   */
  cwd: string | null;
  /**
   * Packages the text installed earlier in the command's section into the reader's own project
   * (`npm install x`, `pnpm add x`, `deno add jsr:@x/y`); absent when none. When one is the repository's own
   * package, the command is the reader's, run in their project.
   */
  usersPackages?: string[];
}

/**
 * The workspace packages a command selects: pnpm and bun `--filter`, npm
 * `--workspace`, yarn `workspace NAME` and `workspaces foreach`.
 */
export interface Selection {
  /** Selectors as written; with `all`, only exclusions (`!x`) may remain. */
  selectors: string[];
  /** pnpm's selector syntax (`x...`, `x^...`, `...x`, `./dir`, `{dir}`, `!x`), or a name, folder or glob. */
  syntax: "pnpm" | "plain";
  /** `-r`, `--workspaces`, `foreach -A`: every workspace package. */
  all: boolean;
  /** The root package counts among them (`--include-workspace-root`, yarn's `foreach -A`). */
  withRoot: boolean;
  /** npm and yarn 1 fail in a selected package without the script; pnpm, bun and yarn foreach run it where it exists. */
  each: boolean;
}

/** What a simple command asks the repository for. */
export type CommandNeed =
  | {
      kind: "script";
      manager: string;
      script: string;
      /** Null: the package of the folder the command runs in. */
      selection: Selection | null;
      /** `--if-present`: packages without the script are skipped. */
      ifPresent: boolean;
    }
  | { kind: "bin"; manager: string; bin: string; selection: Selection | null }
  | { kind: "make"; target: string | null; dir: string | null }
  | { kind: "just"; recipe: string | null }
  | { kind: "file"; manager: string; file: string }
  /** A word npm takes as its command that is none of npm's commands (npm runs scripts only through `run`). */
  | { kind: "unknown-command"; manager: string; command: string }
  /**
   * A word the package manager runs as its own command (`pnpm deploy`, `npm audit`, `bun test`, `yarn pack`): a
   * script of the same name does not run. Only the forms a script could be meant by are recognised: no workspace
   * selection, and nothing after the word but a `--` and what follows it (`isBare`); `pnpm why x` is pnpm's.
   */
  | { kind: "builtin"; manager: string; command: string };

/** One recognised simple command. */
export interface RecognisedCommand extends CommandLine {
  need: CommandNeed;
  /**
   * Directory the command runs in (from `cd x && …`, `-C x`, `--prefix x`):
   * relative to the repository root when `isAtRoot`, else to the document's
   * folder; null when a `cd` went somewhere the text does not name.
   */
  cwd: string | null;
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
const HEADING = /^\s{0,3}(#{1,6})\s+(.*)$/;
/** "from the repo root", "at the monorepo root", "in the root of the repository". */
const ROOT_HINT =
  /\b(?:(?:repo|repository|monorepo|workspace)(?:'s)?\s+root|root\s+of\s+(?:the\s+)?(?:repo|repository|monorepo|workspace))\b/i;
/** "the repo-wide `pnpm x`": that command is the root's. */
const REPO_WIDE_BEFORE = /\b(?:repo|repository|monorepo|workspace)-wide\s*$/i;
/**
 * "in an app somewhere", "in your own project", "in another repo": what follows runs in the reader's project,
 * not in this repository ("in the repository root" and "in this project" are this one).
 */
const ELSEWHERE =
  /\bin\s+(?:(?:your|another|some|any)\s+(?:own\s+|other\s+)?|an?\s+(?:new\s+|other\s+|separate\s+)?)(?:app|application|project|repo|repository|codebase|consumer)\b/i;
const LIST_OR_TABLE = /^\s*(?:[-*+]|\d+[.)]|\|)\s/;
/** Words right before a code span that say not to run it: "not", "never", "instead of", "rather than", "avoid", "don't use". */
const NEGATION_BEFORE =
  /(?:\b(?:not|never|instead\s+of|rather\s+than|avoid|avoiding)|\bdon[\u2019']t)\s*(?:(?:use|run|call|type)\s+)?[("\u201c]?\s*$/i;
/** Words that introduce an example: "for example", "for instance", "e.g.", "such as", or a label "Example:" opening the sentence. */
const EXAMPLE_CUE =
  /\b(?:for\s+(?:example|instance)|e\.\s?g\.|such\s+as)(?=\W|$)|^[\s*_>#-]*examples?\b[^:.!?]{0,40}:/i;
/** A heading that titles an example (`## Example`, `### Example: moving types`); "Examples" often lists example apps. */
const EXAMPLE_HEADING = /^[\s*_]*example\b(?!s)/i;
/** A sentence ends at `.`, `!` or `?` before a space, but not in "e.g.", "i.e.", "etc." or "vs.". */
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?](?=\s|$)/g;
/** A list item that opens with a code span or a link naming a path: the item is about that folder. */
const LIST_SUBJECT = /^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?(?:`([^`\s]+)`|\[[^\]]*\]\(([^)\s]+)\))/;

interface Fence {
  marker: string;
  isShell: boolean;
  isConsole: boolean;
  /** The paragraph before the block says to run it from the repository root. */
  isAtRoot: boolean;
  /** The latest comment line in the block said so. */
  isCommentAtRoot: boolean;
  /** The paragraph before the block, or a heading over it, introduces it as an example. */
  isExample: boolean;
  /** The latest comment line in the block did. */
  isCommentExample: boolean;
  cwd: string | null;
}

/** Candidate command lines: every line of shell fences, and inline code spans that start with a known tool. */
export function commandLines(lines: readonly string[]): CommandLine[] {
  const found: CommandLine[] = [];
  const units = proseUnits(lines);
  const headingAtRoot = headingHints(lines, (heading) => ROOT_HINT.test(heading));
  const headingExample = headingHints(lines, (heading) => EXAMPLE_HEADING.test(heading));
  let fence: Fence | null = null;
  // What the section (up to the next heading) set up in the reader's project; and whether the code block or paragraph
  // so far ran a scaffolder, whose project the rest of it is in even when it was made in a folder of its own.
  let section = NO_SETUP;
  let isLocalScaffolded = false;
  const note = (text: string): void => {
    const setup = lineSetup(text);
    section = addSetup(section, setup);
    isLocalScaffolded ||= setup.scaffold !== null;
  };
  const take = (line: CommandLine): CommandLine => {
    const placed = withSetup(line, section.scaffold === "here" || isLocalScaffolded, section.installs);
    note(line.text);
    return placed;
  };
  lines.forEach((text, index) => {
    if (fence === null && (text.trim() === "" || FENCE.test(text))) isLocalScaffolded = false;
    if (fence === null && HEADING.test(text)) {
      section = NO_SETUP;
      isLocalScaffolded = false;
    }
    const opening = FENCE.exec(text);
    if (opening?.[1]) {
      const marker = opening[1];
      if (fence === null) {
        const language = (opening[2] ?? "").toLowerCase();
        fence = {
          marker,
          isShell: SHELL_LANGUAGES.has(language),
          isConsole: /console|session|terminal/.test(language),
          isAtRoot: headingAtRoot[index] === true || ROOT_HINT.test(blockIntro(lines, units, index)),
          isCommentAtRoot: false,
          isExample: headingExample[index] === true || EXAMPLE_CUE.test(blockIntro(lines, units, index)),
          isCommentExample: false,
          cwd: ELSEWHERE.test(blockIntro(lines, units, index)) ? null : "",
        };
      } else if (marker[0] === fence.marker[0] && marker.length >= fence.marker.length) {
        fence = null;
        isLocalScaffolded = false;
      }
      return;
    }
    if (fence !== null) {
      const line = fenceLine(fence, text, index);
      if (line) found.push(take(line));
      return;
    }
    const unit = units[index];
    const subjectMatch = LIST_SUBJECT.exec(text);
    const subject = subjectMatch ? (subjectMatch[1] ?? subjectMatch[2] ?? null) : null;
    for (const match of text.matchAll(INLINE_CODE)) {
      const code = (match[2] ?? "").trim();
      if (!TOOL_START.test(code)) {
        // `deno add jsr:@x/y` is no command of ours, but it installs into the reader's project.
        note(code);
        continue;
      }
      const before = unit ? unit.text.slice(0, unit.offset + (match.index ?? 0)) : text.slice(0, match.index ?? 0);
      const sentence = unit === undefined ? "" : sentenceOf(unit, match.index ?? 0, match[0].length);
      found.push(
        take({
          ...(NEGATION_BEFORE.test(before) ? { isNegated: true } : {}),
          ...(headingExample[index] === true || EXAMPLE_CUE.test(sentence) ? { isExample: true } : {}),
          text: code,
          line: index + 1,
          column: 1 + (match.index ?? 0) + (match[1]?.length ?? 1),
          isAtRoot:
            headingAtRoot[index] === true ||
            ROOT_HINT.test(sentence) ||
            REPO_WIDE_BEFORE.test(text.slice(0, match.index ?? 0)),
          subject,
          cwd: "",
        }),
      );
    }
  });
  return found;
}

/** One line inside a code block: a command, a comment that may say where the next commands run, or a `cd`. */
function fenceLine(fence: Fence, text: string, index: number): CommandLine | null {
  if (!fence.isShell) return null;
  const prompt = /^(\s*)(?:\$|>|%)\s+/.exec(text);
  if (fence.isConsole && !prompt) return null;
  const raw = prompt ? text.slice(prompt[0].length) : text.trim();
  if (raw.startsWith("#")) {
    fence.isCommentAtRoot = ROOT_HINT.test(raw);
    fence.isCommentExample = EXAMPLE_CUE.test(raw.replace(/^#+\s*/, ""));
    // `# in an app somewhere`: the rest of the block runs in the reader's project.
    if (ELSEWHERE.test(raw)) fence.cwd = null;
    return null;
  }
  const comment = /(?:^|\s)#.*$/.exec(raw);
  const command = (comment ? raw.slice(0, comment.index) : raw).trim();
  if (command === "") return null;
  const isExample =
    fence.isExample ||
    fence.isCommentExample ||
    (comment !== null && EXAMPLE_CUE.test(comment[0].replace(/^\s*#+\s*/, "")));
  const line: CommandLine = {
    ...(isExample ? { isExample: true } : {}),
    text: command,
    line: index + 1,
    column: 1 + text.indexOf(command),
    isAtRoot: fence.isAtRoot || fence.isCommentAtRoot || (comment !== null && ROOT_HINT.test(comment[0])),
    subject: null,
    cwd: fence.cwd,
  };
  // A `cd` on its own line moves the rest of the block.
  const cd = /^cd(?:\s+(\S+))?$/.exec(command);
  if (cd) fence.cwd = fence.cwd === null ? null : moveTo(fence.cwd, cd[1] ?? "~");
  return line;
}

/** A paragraph (or a list item, or a table row) of prose, its code spans blanked out, and where a line starts in it. */
interface ProseUnit {
  text: string;
  offset: number;
}

/** Per line outside code blocks and headings: its prose unit. */
function proseUnits(lines: readonly string[]): Array<ProseUnit | undefined> {
  const units: Array<ProseUnit | undefined> = [];
  let members: number[] = [];
  let inFence = false;
  const close = (): void => {
    let text = "";
    for (const index of members) {
      const offset = text.length;
      text += `${blankCode(lines[index] ?? "")} `;
      units[index] = { text: "", offset };
    }
    for (const index of members) {
      const unit = units[index];
      if (unit) unit.text = text;
    }
    members = [];
  };
  lines.forEach((text, index) => {
    const isFence = FENCE.test(text);
    if (isFence) inFence = !inFence;
    if (isFence || inFence || text.trim() === "" || HEADING.test(text)) return close();
    // A list item or a table row starts a unit of its own.
    if (LIST_OR_TABLE.test(text)) close();
    members.push(index);
  });
  close();
  return units;
}

/** The text with each code span's content replaced by as many `x`, so that its dots end no sentence. */
function blankCode(text: string): string {
  return text.replace(INLINE_CODE, (span, ticks: string, code: string) => `${ticks}${"x".repeat(code.length)}${ticks}`);
}

/** The sentence holding a code span of a line, the span itself blanked out. */
function sentenceOf(unit: ProseUnit, index: number, length: number): string {
  const start = unit.offset + index;
  const before = unit.text.slice(0, start);
  const after = unit.text.slice(start + length);
  const opening = Math.max(...[...before.matchAll(SENTENCE_END)].map((match) => (match.index ?? -1) + 1), 0);
  const closing = [...after.matchAll(SENTENCE_END)][0];
  return `${before.slice(opening)} ${after.slice(0, closing ? closing.index : after.length)}`;
}

/** Per line: whether a heading above it, within its section, passes `test` ("from the repository root", "Example"). */
function headingHints(lines: readonly string[], test: (heading: string) => boolean): boolean[] {
  const hints: boolean[] = [];
  const open: Array<{ level: number; passes: boolean }> = [];
  let inFence = false;
  lines.forEach((text, index) => {
    if (FENCE.test(text)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(text);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      while ((open.at(-1)?.level ?? 0) >= level) open.pop();
      open.push({ level, passes: test(heading[2] ?? "") });
    }
    hints[index] = open.some((section) => section.passes);
  });
  return hints;
}

/** The last sentence before a code block (blank lines skipped), or "" when prose does not come right before it. */
function blockIntro(lines: readonly string[], units: ReadonlyArray<ProseUnit | undefined>, fenceIndex: number): string {
  let index = fenceIndex - 1;
  while (index >= 0 && (lines[index] ?? "").trim() === "") index -= 1;
  const unit = units[index];
  if (!unit) return "";
  const text = unit.text.trim();
  const ends = [...text.matchAll(SENTENCE_END)].filter((match) => (match.index ?? 0) < text.length - 1);
  return text.slice((ends.at(-1)?.index ?? -1) + 1);
}

const TOOL_START =
  /^(?:\$\s+)?(?:cd\s+\S+\s*&&\s*)?(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(?:npm|npx|pnpm|pnpx|yarn|bun|bunx|make|just)(?:\s|$)/;

/** Splits a command line on `&&`, `||`, `;` and `|`, following `cd`, and recognises each part. */
export function recogniseCommands(line: CommandLine): RecognisedCommand[] {
  const recognised: RecognisedCommand[] = [];
  let cwd = line.cwd;
  let setup = NO_SETUP;
  for (const words of lineParts(line.text)) {
    // `npx create-x app && npm run dev`: after a scaffolder, the line goes on in the reader's project.
    if (setup.scaffold !== null) cwd = null;
    if (words[0] === "cd") {
      cwd = cwd === null ? null : moveTo(cwd, words[1] ?? "~");
      continue;
    }
    const found = recognise(words);
    if (found && !isPlaceholder(found.need)) {
      const dir = found.dir === null || cwd === null ? cwd : moveTo(cwd, found.dir);
      const command = { ...line, need: found.need, cwd: dir, isAtRoot: line.isAtRoot || found.isAtRoot };
      recognised.push(withSetup(command, false, setup.installs));
    }
    setup = addSetup(setup, userSetup(words));
  }
  return recognised;
}

/** The simple commands of a command line, split on `&&`, `||`, `;` and `|`, each as its words. */
function lineParts(text: string): string[][] {
  return text
    .replace(/^\$\s+/, "")
    .split(/\s*(?:&&|\|\||;|\|)\s*/)
    .map(tokenize);
}

/**
 * What commands set up in their reader's own project, rather than in the
 * repository: a new project (a scaffolder: `npm create x`, `npm init`,
 * `npx create-x`, `pnpm create x`, `yarn create x`, `bun create x`,
 * `npx degit user/repo`, `npx tiged`, `npx giget`), or packages installed into it
 * (`npm install x`, `pnpm add x`, `yarn add x`, `bun add x`, `deno add x`,
 * `npx jsr add @x/y`; not an install into a workspace package, `pnpm add x --filter web`).
 */
export interface UserSetup {
  /**
   * "here" when the new project is where the reader stands (`npm init`, `npx degit user/repo`, or a scaffolder that
   * asks for its folder: `npm create vite@latest`); "folder" when the command names the folder it creates, which
   * the reader enters with a `cd` of their own.
   */
  scaffold: "here" | "folder" | null;
  installs: readonly string[];
}

const NO_SETUP: UserSetup = { scaffold: null, installs: [] };

function addSetup(setup: UserSetup, more: UserSetup | null): UserSetup {
  if (more === null || (more.scaffold === null && more.installs.length === 0)) return setup;
  return {
    scaffold: setup.scaffold === "here" || more.scaffold === "here" ? "here" : (setup.scaffold ?? more.scaffold),
    installs: [...new Set([...setup.installs, ...more.installs])],
  };
}

/** A command placed after a scaffolder (in a project the text does not name) and after the packages installed so far. */
function withSetup<T extends CommandLine>(line: T, isScaffolded: boolean, installs: readonly string[]): T {
  const all = [...new Set([...(line.usersPackages ?? []), ...installs])];
  return { ...line, ...(isScaffolded ? { cwd: null } : {}), ...(all.length > 0 ? { usersPackages: all } : {}) };
}

/** What a whole command line sets up (see {@link UserSetup}). */
function lineSetup(text: string): UserSetup {
  return lineParts(text).reduce((setup, words) => addSetup(setup, userSetup(words)), NO_SETUP);
}

/** Packages that create a project or copy a template (`create-vite`, `@vitejs/create-app`, `degit`). */
const SCAFFOLDER = /^(?:@[\w.-]+\/)?create(?:-[\w.-]+)?$|^(?:degit|tiged|giget)$/;
/** Copiers whose first argument is the template, the second the folder. */
const COPIERS = new Set(["degit", "tiged", "giget"]);
/** Flags that put an install into a workspace package of the repository, not into the reader's project. */
const WORKSPACE_FLAGS = new Set([
  "-w",
  "--workspace",
  "-ws",
  "--workspaces",
  "--workspace-root",
  "--filter",
  "-F",
  "--filter-prod",
  "-r",
  "--recursive",
  "-C",
  "--dir",
  "--prefix",
  "--cwd",
]);

/** What one simple command sets up in its reader's project, or null. */
export function userSetup(words: readonly string[]): UserSetup | null {
  const [tool, ...rest] = words;
  if (rest.some((word) => WORKSPACE_FLAGS.has(word.split("=")[0] ?? ""))) return null;
  const positional = positionals(rest);
  const [verb, ...args] = positional;
  if (verb === undefined) return null;
  switch (tool) {
    case "npm": {
      const command = npmCommand(verb);
      // `npm init` alone writes a package.json where the reader stands.
      if (command === "init") return scaffolded(args.slice(1));
      if (command === "exec") return downloadSetup(args);
      return command === "install" ? installed(args) : null;
    }
    case "npx":
    case "bunx":
    case "pnpx":
      return downloadSetup(positional);
    case "pnpm":
    case "yarn":
    case "bun":
    case "deno": {
      if (verb === "init") return scaffolded([]);
      if (verb === "create" || (tool === "bun" && verb === "c")) return scaffolded(args.slice(1));
      if (verb === "dlx" || (tool === "bun" && verb === "x")) return downloadSetup(args);
      if (tool === "yarn" && verb === "global") return args[0] === "add" ? installed(args.slice(1)) : null;
      const adds = tool === "yarn" ? ["add"] : tool === "bun" ? ["add", "a", "install", "i"] : ["add", "install", "i"];
      return adds.includes(verb) ? installed(args) : null;
    }
    default:
      return null;
  }
}

/** The words that are not options, nor the value of a scaffolder's `--template`/`-t`. */
function positionals(words: readonly string[]): string[] {
  return words.filter((word, index) => !word.startsWith("-") && !["--template", "-t"].includes(words[index - 1] ?? ""));
}

/** A scaffolder run, given the words after its template: the first one, if any, is the folder it creates. */
function scaffolded(after: readonly string[]): UserSetup {
  return { scaffold: after.length > 0 ? "folder" : "here", installs: [] };
}

/** `npx create-x`, `npx degit user/repo`, `npx jsr add @x/y`: a tool fetched to set up the reader's project. */
function downloadSetup(words: readonly string[]): UserSetup | null {
  const [tool, ...args] = words;
  const name = tool === undefined ? null : packageName(tool);
  if (name === null) return null;
  if (SCAFFOLDER.test(name)) return scaffolded(COPIERS.has(name) ? args.slice(1) : args);
  const [subcommand, ...specs] = args;
  if (name === "jsr" && (subcommand === "add" || subcommand === "i" || subcommand === "install"))
    return installed(specs.map((spec) => (spec.startsWith("jsr:") ? spec : `jsr:${spec}`)));
  return null;
}

function installed(specs: readonly string[]): UserSetup | null {
  const installs = specs.flatMap((spec) => {
    const name = packageName(spec);
    return name === null ? [] : [name];
  });
  return installs.length > 0 ? { scaffold: null, installs } : null;
}

/**
 * The package a specifier names, its version left out (`zod@next` is `zod`,
 * `npm:zod` is `zod`, `jsr:@std/path@1` is `jsr:@std/path`); null for a
 * path, a URL, a git repository or a workspace link.
 */
function packageName(spec: string): string | null {
  const isJsr = spec.startsWith("jsr:");
  const bare = spec.replace(/^(?:npm|jsr):/, "");
  const match = /^(@[\w.-]+\/[\w.-]+|[\w.-]+)(?:@[^/]*)?$/.exec(bare);
  if (!match?.[1] || match[1].startsWith(".")) return null;
  return isJsr ? `jsr:${match[1]}` : match[1];
}

/** A name written as a placeholder (`npm run <script>`, `make $TARGET`, `pnpm …`): nothing to look up. */
function isPlaceholder(need: CommandNeed): boolean {
  const name =
    need.kind === "script"
      ? need.script
      : need.kind === "bin"
        ? need.bin
        : need.kind === "make"
          ? need.target
          : need.kind === "just"
            ? need.recipe
            : need.kind === "file"
              ? need.file
              : need.command;
  return name !== null && /[<>[\]{}*$…]|\.\.\./.test(name);
}

/** Names that stand for any package: `foo`, `x`, `package`, `pkg`, `name`, … */
const PLACEHOLDER_WORD =
  /^(?:[a-z]|foo|bar|baz|qux|quux|foobar|xyz|placeholder|something|whatever|name|package|pkg|lib|library|module)$/;
/** `my-package`, `your-app`, `some-lib`, `example-utils`, `sample-app`, `foo-bar`. */
const PLACEHOLDER_PREFIX = /^(?:my|your|some|example|sample|other|another|foo|acme)[-_]/;
/** `package-a`, `pkg-b`, `lib1`, `app-2`, `package-name`, `module-x`. */
const PLACEHOLDER_SERIES =
  /^(?:package|pkg|lib|library|module|app|project|workspace|service|component)[-_]?(?:[a-z]|\d{1,2}|one|two|three|name|here)$/;
/** Scopes that stand for anyone's: `@scope/x`, `@my-org/x`, `@acme/x`. */
const PLACEHOLDER_SCOPE =
  /^@(?:scope|org|my-?org|your-?org|my-?scope|your-?scope|acme|example|company|namespace|foo)\//;

/**
 * Whether a package name (or the last folder of a path) is written as a stand-in, as examples name packages:
 * `package-a`, `pkg-b`, `my-package`, `your-package`, `example-app`, `foo`, `<name>`, `$PKG`. The scope is not
 * looked at (see isPlaceholderScope).
 */
export function isPlaceholderName(name: string): boolean {
  if (/[<>$\u2026]/.test(name)) return true;
  const bare = (name.split("/").filter(Boolean).at(-1) ?? "").toLowerCase();
  return PLACEHOLDER_WORD.test(bare) || PLACEHOLDER_PREFIX.test(bare) || PLACEHOLDER_SERIES.test(bare);
}

/** Whether a scoped name's scope is written as a stand-in: `@scope/x`, `@my-org/x`, `@acme/x`. */
export function isPlaceholderScope(name: string): boolean {
  return PLACEHOLDER_SCOPE.test(name.toLowerCase());
}

function tokenize(part: string): string[] {
  const words = part.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  // Environment assignments (`CI=1 npm test`) come before the command.
  while (words[0] !== undefined && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) words.shift();
  return words.map((word) => word.replace(/^["']|["']$/g, ""));
}

/** The folder `cd to` leads to from `from`; null for a place the text does not name (`~`, `$VAR`, an absolute path). */
function moveTo(from: string, to: string): string | null {
  if (/^[~/]|\$|`/.test(to) || to === "-") return null;
  const out = from.split("/").filter(Boolean);
  for (const part of to.split("/")) {
    if (part === "" || part === ".") continue;
    // The path is relative to the document's folder, so it may climb above it.
    if (part === ".." && out.length > 0 && out.at(-1) !== "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/** npm's commands and their aliases (npm 6 to 11); npm runs a script only through `run`, `test`, `start`, `stop`, `restart`. */
const NPM_COMMANDS = [
  "access",
  "adduser",
  "audit",
  "bin",
  "bugs",
  "cache",
  "ci",
  "completion",
  "config",
  "dedupe",
  "deprecate",
  "diff",
  "dist-tag",
  "docs",
  "doctor",
  "edit",
  "exec",
  "explain",
  "explore",
  "find-dupes",
  "fund",
  "get",
  "help",
  "help-search",
  "hook",
  "init",
  "install",
  "install-ci-test",
  "install-test",
  "link",
  "ll",
  "login",
  "logout",
  "ls",
  "org",
  "outdated",
  "owner",
  "pack",
  "ping",
  "pkg",
  "prefix",
  "profile",
  "prune",
  "publish",
  "query",
  "rebuild",
  "repo",
  "restart",
  "root",
  "run",
  "sbom",
  "search",
  "set",
  "set-script",
  "shrinkwrap",
  "star",
  "stars",
  "start",
  "stop",
  "team",
  "test",
  "token",
  "trust",
  "undeprecate",
  "uninstall",
  "unpublish",
  "unstar",
  "update",
  "version",
  "view",
  "whoami",
];
const NPM_ALIASES: Record<string, string> = {
  author: "owner",
  home: "docs",
  issues: "bugs",
  info: "view",
  show: "view",
  find: "search",
  add: "install",
  unlink: "uninstall",
  remove: "uninstall",
  rm: "uninstall",
  r: "uninstall",
  un: "uninstall",
  rb: "rebuild",
  list: "ls",
  ln: "link",
  create: "init",
  innit: "init",
  i: "install",
  in: "install",
  ins: "install",
  inst: "install",
  insta: "install",
  instal: "install",
  isnt: "install",
  isnta: "install",
  isntal: "install",
  isntall: "install",
  it: "install-test",
  cit: "install-ci-test",
  sit: "install-ci-test",
  "clean-install-test": "install-ci-test",
  up: "update",
  upgrade: "update",
  udpate: "update",
  c: "config",
  s: "search",
  se: "search",
  tst: "test",
  t: "test",
  ddp: "dedupe",
  v: "view",
  "run-script": "run",
  rum: "run",
  urn: "run",
  "clean-install": "ci",
  "install-clean": "ci",
  "isntall-clean": "ci",
  ic: "ci",
  x: "exec",
  why: "explain",
  la: "ll",
  verison: "version",
  hlep: "help",
  "dist-tags": "dist-tag",
  ogr: "org",
  "add-user": "adduser",
};

/** The npm command a word names: exact, an alias, or (as npm reads it) an unambiguous abbreviation. */
function npmCommand(word: string): string | null {
  if (NPM_COMMANDS.includes(word)) return word;
  const alias = NPM_ALIASES[word];
  if (alias) return alias;
  const names = [...NPM_COMMANDS, ...Object.keys(NPM_ALIASES)].filter((name) => name.startsWith(word));
  if (names.length !== 1 || names[0] === undefined) return null;
  return NPM_ALIASES[names[0]] ?? names[0];
}

/** pnpm's commands and aliases (pnpm 7 to 11, including the npm commands it declines): a script of the same name never runs. */
const PNPM_COMMANDS = new Set([
  "access",
  "add",
  "adduser",
  "approve-builds",
  "audit",
  "bin",
  "bugs",
  "c",
  "cache",
  "cat-file",
  "cat-index",
  "catalog",
  "ci",
  "clean-install",
  "completion",
  "config",
  "create",
  "dedupe",
  "deploy",
  "deprecate",
  "dislink",
  "dist-tag",
  "dlx",
  "docs",
  "doctor",
  "edit",
  "env",
  "exec",
  "fetch",
  "find",
  "find-hash",
  "get",
  "help",
  "home",
  "i",
  "ignored-builds",
  "import",
  "info",
  "init",
  "install",
  "install-test",
  "issues",
  "it",
  "la",
  "licenses",
  "link",
  "list",
  "ll",
  "ln",
  "login",
  "logout",
  "ls",
  "outdated",
  "owner",
  "pack",
  "patch",
  "patch-commit",
  "patch-remove",
  "peers",
  "ping",
  "pkg",
  "prefix",
  "profile",
  "prune",
  "publish",
  "purge",
  "r",
  "rb",
  "rebuild",
  "remove",
  "repo",
  "rm",
  "root",
  "runtime",
  "s",
  "sbom",
  "se",
  "search",
  "self-update",
  "server",
  "set",
  "set-script",
  "setup",
  "show",
  "star",
  "stars",
  "store",
  "team",
  "token",
  "un",
  "uni",
  "uninstall",
  "unlink",
  "unpublish",
  "unstar",
  "up",
  "update",
  "upgrade",
  "v",
  "version",
  "view",
  "whoami",
  "why",
  "xmas",
]);
/** pnpm options that take a value (the others are flags). */
const PNPM_VALUE_OPTIONS = new Set([
  "--filter",
  "-F",
  "--filter-prod",
  "--dir",
  "-C",
  "--prefix",
  "--workspace-concurrency",
  "--reporter",
  "--resume-from",
  "--loglevel",
  "--test-pattern",
  "--changed-files-ignore-pattern",
  "--store-dir",
  "--virtual-store-dir",
  "--lockfile-dir",
  "--modules-dir",
  "--config",
]);
const YARN_COMMANDS = new Set([
  "add",
  "audit",
  "autoclean",
  "bin",
  "cache",
  "check",
  "config",
  "constraints",
  "create",
  "dedupe",
  "dlx",
  "explain",
  "generate-lock-entry",
  "global",
  "help",
  "import",
  "info",
  "init",
  "install",
  "licenses",
  "link",
  "list",
  "login",
  "logout",
  "node",
  "npm",
  "outdated",
  "owner",
  "pack",
  "patch",
  "patch-commit",
  "plugin",
  "policies",
  "publish",
  "rebuild",
  "remove",
  "sdks",
  "search",
  "set",
  "stage",
  "tag",
  "team",
  "unlink",
  "unplug",
  "up",
  "upgrade",
  "upgrade-interactive",
  "version",
  "versions",
  "why",
]);
/**
 * Whether `<manager> <script>` runs the package's script of that name rather
 * than a command of the manager's own: `npm test`, `pnpm lint`, `yarn build`;
 * not `pnpm deploy`, `yarn pack`, and never bun's (`bun test` is bun's test
 * runner), which a fix writes with `run`.
 */
export function runsScriptByName(manager: string, script: string, isYarnBerry = false): boolean {
  if (manager === "npm") return ["test", "start", "stop", "restart"].includes(script);
  if (manager === "pnpm")
    return !PNPM_COMMANDS.has(script) && !/^(?:run|run-script|exec|recursive|multi|m)$/.test(script);
  if (manager === "yarn") return !isYarnCommand(script, isYarnBerry) && !/^(?:run|exec|workspaces?)$/.test(script);
  return false;
}

/** Commands of yarn 1 only: in yarn 2 and later the word runs the script of that name. */
const YARN_CLASSIC_ONLY = new Set([
  "audit",
  "autoclean",
  "check",
  "generate-lock-entry",
  "global",
  "import",
  "licenses",
  "list",
  "login",
  "logout",
  "outdated",
  "owner",
  "policies",
  "publish",
  "tag",
  "team",
  "upgrade",
  "versions",
]);
/** Commands of yarn 2 and later only: yarn 1 runs the script of that name. */
const YARN_BERRY_ONLY = new Set([
  "constraints",
  "dedupe",
  "dlx",
  "explain",
  "npm",
  "patch",
  "patch-commit",
  "plugin",
  "rebuild",
  "sdks",
  "search",
  "set",
  "stage",
  "unplug",
  "up",
]);
const YARN_VALUE_OPTIONS = new Set(["--cwd", "--modules-folder", "--cache-folder", "--mutex", "--network-timeout"]);

/** Whether `yarn <word>` runs yarn's own command, in yarn 1 or in yarn 2 and later. */
export function isYarnCommand(word: string, isYarnBerry: boolean): boolean {
  if (!YARN_COMMANDS.has(word)) return false;
  return isYarnBerry ? !YARN_CLASSIC_ONLY.has(word) : !YARN_BERRY_ONLY.has(word);
}

/**
 * Built-in commands that mean themselves whatever the scripts: installs of
 * the checkout (`install`, `i`, `ci`, `install-test`), which no README means
 * as a script, and commands that run the lifecycle script of their own name on
 * the way (`install`, `publish`, `version`).
 */
export function isSelfMeaningCommand(manager: string, word: string): boolean {
  const command = manager === "npm" ? (npmCommand(word) ?? word) : (SETUP_ALIASES[word] ?? word);
  return ["install", "ci", "install-test", "install-ci-test", "publish", "version"].includes(command);
}

const SETUP_ALIASES: Record<string, string> = {
  i: "install",
  it: "install-test",
  "clean-install": "ci",
};
const BUN_COMMANDS = new Set([
  "a",
  "add",
  "audit",
  "build",
  "c",
  "completions",
  "create",
  "exec",
  "feedback",
  "help",
  "i",
  "info",
  "init",
  "install",
  "link",
  "outdated",
  "patch",
  "pm",
  "publish",
  "remove",
  "repl",
  "rm",
  "test",
  "unlink",
  "update",
  "upgrade",
  "why",
]);
const BUN_VALUE_OPTIONS = new Set(["--filter", "-F", "--cwd", "--env-file", "--preload", "-r", "--config", "-c"]);

/** What a simple command asks for, and where it says it runs. */
export interface Found {
  need: CommandNeed;
  /** Folder given by `-C`, `--dir`, `--prefix`, `--cwd`. */
  dir: string | null;
  /** `pnpm -w`: the workspace root. */
  isAtRoot: boolean;
}

/** What one simple command (its words, environment assignments dropped) asks for, as its tool reads it; null for other tools. */
export function recognise(words: readonly string[]): Found | null {
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
    case "bunx":
      return plain(binNeed(tool, rest, null));
    case "make":
      return plain(make(rest));
    case "just":
      return plain({ kind: "just", recipe: rest.find((word) => !word.startsWith("-")) ?? null });
    default:
      // `pnpx` is `pnpm dlx`: it always downloads, on purpose.
      return null;
  }
}

function plain(need: CommandNeed | null, dir: string | null = null): Found | null {
  return need ? { need, dir, isAtRoot: false } : null;
}

/** Options of a command line up to its first word that is not an option, and that word's index. */
function readOptions(
  words: readonly string[],
  from: number,
  takesValue: (option: string) => boolean,
): { options: Array<[string, string | null]>; index: number } {
  const options: Array<[string, string | null]> = [];
  let index = from;
  for (; index < words.length; index += 1) {
    const word = words[index] ?? "";
    if (word === "--" || !word.startsWith("-") || word === "-") break;
    const equals = word.indexOf("=");
    if (word.startsWith("--") && equals !== -1) options.push([word.slice(0, equals), word.slice(equals + 1)]);
    else if (takesValue(word)) {
      options.push([word, words[index + 1] ?? null]);
      index += 1;
    } else options.push([word, null]);
  }
  return { options, index };
}

function npm(words: readonly string[]): Found | null {
  // npm reads its options anywhere before `--`.
  const end = words.indexOf("--");
  const head = end === -1 ? words : words.slice(0, end);
  const positional: string[] = [];
  const workspaces: string[] = [];
  let all = false;
  let ifPresent = false;
  let withRoot = false;
  let dir: string | null = null;
  for (let index = 0; index < head.length; index += 1) {
    const word = head[index] ?? "";
    const [name, inline] = word.startsWith("--") && word.includes("=") ? word.split(/=(.*)/s) : [word, undefined];
    const value = (): string | null => inline ?? head[(index += 1)] ?? null;
    if (name === "-w" || name === "--workspace") workspaces.push(value() ?? "");
    else if (name === "-ws" || name === "--workspaces") all = true;
    else if (name === "--if-present") ifPresent = true;
    else if (name === "--include-workspace-root") withRoot = true;
    else if (name === "--prefix" || name === "-C") dir = value();
    else if (["--loglevel", "--registry", "--tag", "--access", "--otp", "--userconfig", "--cache"].includes(name ?? ""))
      value();
    else if (!word.startsWith("-")) positional.push(word);
  }
  const [word, name] = positional;
  if (word === undefined) return null;
  const selection: Selection | null =
    workspaces.length > 0 || all ? { selectors: workspaces, syntax: "plain", all, withRoot, each: true } : null;
  const script = (value: string): Found => ({
    need: { kind: "script", manager: "npm", script: value, selection, ifPresent },
    dir,
    isAtRoot: false,
  });
  const command = npmCommand(word);
  if (command === null)
    return { need: { kind: "unknown-command", manager: "npm", command: word }, dir, isAtRoot: false };
  if (command === "test" || command === "start" || command === "stop" || command === "restart") return script(command);
  if (command === "run") return name ? script(name) : null;
  if (command !== "exec")
    return selection === null && isBare(words, words.indexOf(word)) ? plain(builtin("npm", word), dir) : null;
  if (command === "exec") {
    // `npm exec --package x -- y` runs what it installs on the spot.
    if (head.some((item) => item === "-p" || item.startsWith("--package") || item === "-c" || item === "--call"))
      return null;
    // `npm exec tool -- args` and `npm exec -- tool args`.
    return plain(binNeed("npm", name !== undefined ? [name] : end === -1 ? [] : words.slice(end + 1), selection), dir);
  }
  return null;
}

function pnpm(words: readonly string[]): Found | null {
  const filters: string[] = [];
  let all = false;
  let ifPresent = false;
  let isAtRoot = false;
  let withRoot = false;
  let dir: string | null = null;
  const apply = (options: ReadonlyArray<[string, string | null]>): void => {
    for (const [option, value] of options) {
      if (["--filter", "-F", "--filter-prod"].includes(option)) filters.push(value ?? "");
      else if (option === "-r" || option === "--recursive") all = true;
      else if (option === "-w" || option === "--workspace-root") isAtRoot = true;
      else if (option === "--if-present") ifPresent = true;
      else if (option === "--include-workspace-root") withRoot = true;
      else if (["-C", "--dir", "--prefix"].includes(option)) dir = value;
    }
  };
  const takesValue = (option: string): boolean => PNPM_VALUE_OPTIONS.has(option);
  let { options, index } = readOptions(words, 0, takesValue);
  apply(options);
  let verb = words[index];
  if (verb === "recursive" || verb === "multi" || verb === "m") {
    all = true;
    ({ options, index } = readOptions(words, index + 1, takesValue));
    apply(options);
    verb = words[index];
  }
  if (verb === undefined) return null;
  const selection = (): Selection | null =>
    filters.length > 0 || all
      ? { selectors: filters, syntax: "pnpm", all: all && filters.length === 0, withRoot, each: false }
      : null;
  const script = (name: string): Found => ({
    need: { kind: "script", manager: "pnpm", script: name, selection: selection(), ifPresent },
    dir,
    isAtRoot,
  });
  if (verb === "run" || verb === "run-script") {
    // Options between `run` and the script name are pnpm's; everything after the name goes to the script.
    ({ options, index } = readOptions(words, index + 1, takesValue));
    apply(options);
    const name = words[index];
    return name === undefined || name.startsWith("/") ? null : script(name);
  }
  if (verb === "exec") {
    const need = binNeed("pnpm", words.slice(index + 1), selection());
    return need ? { need, dir, isAtRoot } : null;
  }
  if (verb === "test" || verb === "t" || verb === "tst" || verb === "start" || verb === "restart") {
    // These are pnpm commands (not `run`), so pnpm reads its options after them too.
    apply(optionsAnywhere(words, index + 1, takesValue));
    return script(verb === "t" || verb === "tst" ? "test" : verb);
  }
  if (PNPM_COMMANDS.has(verb))
    return selection() === null && isBare(words, index) ? { need: builtin("pnpm", verb), dir, isAtRoot } : null;
  // Any other word is `pnpm run <word>`: what follows it goes to the script.
  return script(verb);
}

/** Every option after `from` (up to `--`), skipping the words that are not options. */
function optionsAnywhere(
  words: readonly string[],
  from: number,
  takesValue: (option: string) => boolean,
): Array<[string, string | null]> {
  const found: Array<[string, string | null]> = [];
  for (let index = from; index < words.length;) {
    if (words[index] === "--") break;
    const next = readOptions(words, index, takesValue);
    found.push(...next.options);
    index = next.index === index ? index + 1 : next.index;
  }
  return found;
}

function yarn(words: readonly string[]): Found | null {
  const takesValue = (option: string): boolean => YARN_VALUE_OPTIONS.has(option);
  const { options, index } = readOptions(words, 0, takesValue);
  const dir = options.find(([option]) => option === "--cwd")?.[1] ?? null;
  const verb = words[index];
  if (verb === undefined) return null;
  const rest = words.slice(index + 1);
  if (verb === "workspace") {
    const [name, ...command] = rest;
    const inner = name ? yarn(command) : null;
    return inner
      ? withSelection(inner, { selectors: [name ?? ""], syntax: "plain", all: false, withRoot: false, each: true }, dir)
      : null;
  }
  if (verb === "workspaces") return yarnWorkspaces(rest, dir);
  const script = (name: string): Found => ({
    need: { kind: "script", manager: "yarn", script: name, selection: null, ifPresent: false },
    dir,
    isAtRoot: false,
  });
  if (verb === "run") {
    const name = readOptions(rest, 0, takesValue);
    const scriptName = rest[name.index];
    return scriptName ? script(scriptName) : null;
  }
  if (verb === "exec") return plain(binNeed("yarn", rest, null), dir);
  if (YARN_COMMANDS.has(verb)) return isBare(words, index) ? plain(builtin("yarn", verb), dir) : null;
  return script(verb);
}

/** `yarn workspaces foreach [options] <command>` (yarn 2+) and `yarn workspaces run <script>` (yarn 1). */
function yarnWorkspaces(words: readonly string[], dir: string | null): Found | null {
  const [sub, ...rest] = words;
  if (sub === "run") {
    const inner = yarn(rest.length > 0 ? ["run", ...rest] : []);
    return inner
      ? withSelection(inner, { selectors: [], syntax: "plain", all: true, withRoot: false, each: true }, dir)
      : null;
  }
  if (sub !== "foreach") return null;
  const { options, index } = readOptions(rest, 0, (option) =>
    ["--include", "--exclude", "--from", "-j", "--jobs", "--since"].includes(option),
  );
  const includes = options.flatMap(([option, value]) =>
    (option === "--include" || option === "--from") && value !== null ? [value] : [],
  );
  const excludes = options.flatMap(([option, value]) =>
    option === "--exclude" && value !== null ? [`!${value}`] : [],
  );
  // `--since` selects by git changes, which the scan does not know.
  if (options.some(([option]) => option === "--since")) return null;
  const inner = yarn(rest.slice(index));
  return inner
    ? withSelection(
        inner,
        {
          selectors: [...includes, ...excludes],
          syntax: "plain",
          all: includes.length === 0,
          // `--all` is every workspace of the project, the root one included.
          withRoot: includes.length === 0,
          each: false,
        },
        dir,
      )
    : null;
}

function withSelection(found: Found, selection: Selection, dir: string | null): Found | null {
  const need = found.need;
  if (need.kind === "script") return { ...found, dir: found.dir ?? dir, need: { ...need, selection } };
  if (need.kind === "bin") return { ...found, dir: found.dir ?? dir, need: { ...need, selection } };
  return null;
}

function bun(words: readonly string[]): Found | null {
  const takesValue = (option: string): boolean => BUN_VALUE_OPTIONS.has(option);
  let { options, index } = readOptions(words, 0, takesValue);
  let verb = words[index];
  if (verb === "run") {
    const more = readOptions(words, index + 1, takesValue);
    options = options.concat(more.options);
    index = more.index;
    verb = undefined;
  }
  const target = words[index];
  const filters = options.flatMap(([option, value]) =>
    (option === "--filter" || option === "-F") && value !== null ? [value] : [],
  );
  const dir = options.find(([option]) => option === "--cwd")?.[1] ?? null;
  if (target === undefined) return null;
  if (verb !== undefined && BUN_COMMANDS.has(verb))
    return filters.length === 0 && isBare(words, index) ? plain(builtin("bun", verb), dir) : null;
  if (target === "x") return plain(binNeed("bun", words.slice(index + 1), null), dir);
  if (/\.[cm]?[jt]sx?$/.test(target)) return plain({ kind: "file", manager: "bun", file: target }, dir);
  const selection: Selection | null =
    filters.length > 0 ? { selectors: filters, syntax: "pnpm", all: false, withRoot: false, each: false } : null;
  return plain({ kind: "script", manager: "bun", script: target, selection, ifPresent: false }, dir);
}

function builtin(manager: string, command: string): CommandNeed {
  return { kind: "builtin", manager, command };
}

/** Nothing follows the command word at `index` but a `--` and what it passes on. */
function isBare(words: readonly string[], index: number): boolean {
  const next = words[index + 1];
  return next === undefined || next === "--";
}

function binNeed(manager: string, words: readonly string[], selection: Selection | null): CommandNeed | null {
  const remaining = [...words];
  while (remaining[0]?.startsWith("-")) {
    const flag = remaining.shift() ?? "";
    if (["-p", "--package", "-c", "--call"].includes(flag) || flag.startsWith("--package=")) return null;
    if (flag === "--") break;
  }
  const bin = remaining[0];
  // `npx create-app@latest` fetches a named version on purpose: nothing to check in the repository.
  if (bin === undefined || /.@/.test(bin) || (bin.includes("/") && !bin.startsWith("@"))) return null;
  return { kind: "bin", manager, bin, selection };
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
