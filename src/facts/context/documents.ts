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
export type ContextKind = "agents" | "claude" | "gemini" | "copilot" | "cursor" | "windsurf" | "readme";

export type { PathCue, PathMention } from "./path-mentions.js";

/** One agent context file or README. */
export interface ContextDocument {
  path: string;
  kind: ContextKind;
  /** The folder the document speaks for ("" for the root). */
  dir: string;
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
  [/^\.github\/instructions\/[^/]+\.instructions\.md$/, "copilot"],
  [/(?:^|\/)\.cursorrules$/, "cursor"],
  [/(?:^|\/)\.cursor\/rules\/[^/]+\.mdc?$/, "cursor"],
  [/(?:^|\/)\.windsurfrules$/, "windsurf"],
  [/^\.agents\/[^/]+\.md$/, "agents"],
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
    lines: text.endsWith("\n") ? lines.length - 1 : lines.length,
    isEmpty: text.replace(/<!--[\s\S]*?-->/g, "").trim() === "",
    linkedTo,
    commands: commandLines(lines).flatMap(recogniseCommands),
    paths: pathMentions(lines),
    constants: new Set(text.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? []),
  };
}

/** The folder a document speaks for: `.github/` and `.agents/` files the root, `x/.cursor/rules/` files `x`. */
function documentDir(path: string): string {
  if (/^(?:\.github|\.agents)\//.test(path)) return "";
  const cursor = /^(.*?)\/?\.cursor\/rules\//.exec(path);
  if (cursor) return cursor[1] ?? "";
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}
