/**
 * Agent context files (AGENTS.md and what other agents read) and READMEs:
 * where they are, what links to what, and the commands and repository paths
 * they mention, each at its line.
 */
import { posix } from "node:path";
import type { Inventory } from "../../discover/index.js";
import { commandLines, recogniseCommands, type RecognisedCommand } from "./commands.js";
import { pathMentions, type PathMention } from "./path-mentions.js";
import { READ_LIMITS, readTextOrNull } from "../../read.js";

/** Which agent reads a context file. */
export type ContextKind = "agents" | "claude" | "gemini" | "copilot" | "cursor" | "windsurf" | "cline" | "readme";

export type { PathCue, PathMention } from "./path-mentions.js";

/** One agent context file or README. */
export interface ContextDocument {
  path: string;
  kind: ContextKind;
  /** The folder the document speaks for ("" for the root). */
  dir: string;
  /**
   * The files a scoped rule applies to, as repo-relative globs (`globs:` of a
   * Cursor rule, `applyTo:` of a Copilot instructions file); empty when the
   * document applies everywhere. A `!` glob leaves files out.
   */
  scope: string[];
  lines: number;
  isEmpty: boolean;
  /** Set when the file is a symbolic link to another context file of the repository. */
  linkedTo: string | null;
  commands: RecognisedCommand[];
  paths: PathMention[];
  /** UPPER_CASE words of the text (environment variable names it documents). */
  constants: Set<string>;
}

/** Agent configuration that is not a document (`.mcp.json`, `.agents/`). */
export interface ContextFact {
  documents: ContextDocument[];
  agentConfig: string[];
}

const KINDS: ReadonlyArray<[RegExp, ContextKind]> = [
  [/(?:^|\/)agents\.md$/i, "agents"],
  [/(?:^|\/)claude\.md$/i, "claude"],
  [/(?:^|\/)gemini\.md$/i, "gemini"],
  [/^\.github\/copilot-instructions\.md$/, "copilot"],
  [/^\.github\/instructions\/(?:[^/]+\/)*[^/]+\.instructions\.md$/, "copilot"],
  [/(?:^|\/)\.cursorrules$/, "cursor"],
  [/(?:^|\/)\.cursor\/rules\/(?:[^/]+\/)*[^/]+\.mdc?$/, "cursor"],
  [/(?:^|\/)\.windsurfrules$/, "windsurf"],
  [/(?:^|\/)\.windsurf\/rules\/(?:[^/]+\/)*[^/]+\.md$/, "windsurf"],
  // Cline reads `.clinerules` as one file or as a folder of Markdown files.
  [/(?:^|\/)\.clinerules$/, "cline"],
  [/(?:^|\/)\.clinerules\/(?:[^/]+\/)*[^/]+\.md$/, "cline"],
  [/^\.agents\/[^/]+\.md$/, "agents"],
  // The agent-neutral rules folder that tools link `.cursor/rules/` and `.claude/rules/` to.
  [/^\.agents\/rules\/(?:[^/]+\/)*[^/]+\.mdc?$/, "agents"],
];
const README = /(?:^|\/)readme(?:\.(?:md|markdown|mdx))?$/i;
const AGENT_CONFIG = /^(?:\.mcp\.json|\.agents\/.+|\.claude\/.+|\.cursor\/(?:mcp\.json|environment\.json))$/;

/** The kind of context file a path is, if any. */
export function contextKind(path: string): ContextKind | null {
  if (path.split("/").includes("node_modules")) return null;
  for (const [pattern, kind] of KINDS) if (pattern.test(path)) return kind;
  return README.test(path) ? "readme" : null;
}

/** Finds and reads every context file and README (including ones that are symbolic links). */
export async function readContext(inventory: Inventory): Promise<ContextFact> {
  const listed = [
    ...inventory.files.map((file) => ({ path: file.path, linkedTo: null })),
    // Links are read through only when discovery found their target inside the repository.
    ...inventory.skipped.flatMap((file) =>
      file.reason === "symlink" && file.linkedTo !== undefined ? [{ path: file.path, linkedTo: file.linkedTo }] : [],
    ),
  ];
  const documents: ContextDocument[] = [];
  for (const { path, linkedTo } of listed.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const kind = contextKind(path);
    if (!kind) continue;
    const text = readTextOrNull(inventory.root, linkedTo ?? path, READ_LIMITS.document);
    if (text === null) continue;
    documents.push(parseDocument(path, kind, text, linkedTo));
  }
  const agentConfig = inventory.files.map((file) => file.path).filter((path) => AGENT_CONFIG.test(path));
  return { documents, agentConfig };
}

/** Parses one document's text. */
export function parseDocument(path: string, kind: ContextKind, text: string, linkedTo: string | null): ContextDocument {
  const lines = text.split(/\r?\n/);
  const dir = documentDir(path);
  return {
    path,
    kind,
    dir,
    scope: scopeOf(lines),
    lines: text.endsWith("\n") ? lines.length - 1 : lines.length,
    isEmpty: text.replace(/<!--[\s\S]*?-->/g, "").trim() === "",
    linkedTo,
    commands: commandLines(lines).flatMap(recogniseCommands),
    paths: pathMentions(lines),
    constants: new Set(text.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? []),
  };
}

/**
 * The folder a document speaks for: `.github/` and `.agents/` files the root,
 * `x/.cursor/rules/` (`.windsurf/rules/`, `.clinerules/`) files `x`.
 */
function documentDir(path: string): string {
  if (/^(?:\.github|\.agents)\//.test(path)) return "";
  const rules = /^(.*?)\/?(?:\.cursor\/rules|\.windsurf\/rules|\.clinerules)\//.exec(path);
  if (rules) return rules[1] ?? "";
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}

const SCOPE_KEY = /^(globs|applyTo):[ \t]*(.*)$/;

/**
 * The globs of the front matter's `globs:` or `applyTo:` key: a string (globs
 * separated by commas), a flow list (`["a/**", "b"]`) or a block list of
 * `- item` lines. Other keys, and YAML beyond these forms, are not read.
 */
function scopeOf(lines: readonly string[]): string[] {
  if (lines[0]?.trim() !== "---") return [];
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (end === -1) return [];
  const globs: string[] = [];
  for (let index = 1; index < end; index++) {
    const key = SCOPE_KEY.exec(lines[index] ?? "");
    if (!key) continue;
    const value = (key[2] ?? "").replace(/\s+#.*$/, "").trim();
    if (value === "") {
      for (let item = index + 1; item < end; item++) {
        const entry = /^\s*-\s+(.*)$/.exec(lines[item] ?? "");
        if (!entry) break;
        globs.push(...splitGlobs(unquote(entry[1] ?? "")));
      }
    } else if (value.startsWith("[") && value.endsWith("]")) {
      globs.push(...splitList(value.slice(1, -1)));
    } else {
      globs.push(...splitGlobs(unquote(value)));
    }
  }
  return globs.filter((glob) => glob !== "");
}

/** `a/**,b/*.{ts,tsx}` → `a/**`, `b/*.{ts,tsx}`: globs separated by commas outside braces. */
function splitGlobs(text: string): string[] {
  return splitOutside(text).map((glob) => glob.trim());
}

/** `"a", 'b,c', d/*.{ts,tsx}` → its items, unquoted, each a glob or a string of globs. */
function splitList(text: string): string[] {
  return splitOutside(text).flatMap((item) => splitGlobs(unquote(item)));
}

/** Splits at commas outside quotes and braces. */
function splitOutside(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quote !== null) {
      if (char === "\\" && quote === '"') at += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "{") depth += 1;
    else if (char === "}") depth = Math.max(0, depth - 1);
    else if (char === "," && depth === 0) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"'))
    return trimmed.slice(1, -1).replace(/\\(.)/g, "$1");
  if (trimmed.length >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'"))
    return trimmed.slice(1, -1).replace(/''/g, "'");
  return trimmed;
}
