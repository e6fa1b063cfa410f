/**
 * Agent context files (AGENTS.md and what other agents read) and READMEs:
 * where they are, what links to what, and the commands and repository paths
 * they mention, each at its line.
 */
import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import type { Inventory } from "../../discover/index.js";
import { commandLines, recogniseCommands, type RecognisedCommand } from "./commands.js";

/** Which agent reads a context file. */
export type ContextKind = "agents" | "claude" | "gemini" | "copilot" | "cursor" | "windsurf" | "readme";

/** A path a document mentions, in a code span or a link. */
export interface PathMention {
  path: string;
  line: number;
  column: number;
}

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
    const text = await readFile(join(inventory.root, linkedTo ?? path), "utf8").catch(() => null);
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

const CODE_SPAN = /(`+)([^`]+?)\1/g;
const LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Repository paths mentioned in code spans or relative links, outside code
 * blocks: things that look like paths (a slash or a file extension), not URLs,
 * globs, placeholders, package names or shell commands.
 */
function pathMentions(lines: readonly string[]): PathMention[] {
  const mentions: PathMention[] = [];
  let inFence = false;
  lines.forEach((text, index) => {
    if (FENCE.test(text)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    for (const match of text.matchAll(CODE_SPAN)) {
      const candidate = (match[2] ?? "").trim();
      if (looksLikePath(candidate))
        mentions.push({ path: candidate, line: index + 1, column: 1 + (match.index ?? 0) + (match[1]?.length ?? 1) });
    }
    for (const match of text.matchAll(LINK)) {
      const target = decodeURI((match[1] ?? "").split("#")[0] ?? "");
      if (target !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("/")) {
        mentions.push({ path: target, line: index + 1, column: 1 + (match.index ?? 0) + 2 });
      }
    }
  });
  return mentions;
}

function looksLikePath(text: string): boolean {
  if (
    text === "" ||
    /\s|[*?<>{}$~|"'`=,;()[\]]/.test(text) ||
    text.startsWith("-") ||
    text.startsWith("/") ||
    text.startsWith("@")
  )
    return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return false;
  // `.`, `..`, and a bare extension such as `.js` or `.env` name no file.
  if (/^\.{1,2}$/.test(text) || /^\.[A-Za-z0-9]+$/.test(text)) return false;
  const hasSlash = text.includes("/");
  const hasExtension = /\.[A-Za-z][A-Za-z0-9]{0,9}$/.test(text) && !/^\d/.test(text);
  if (!hasSlash && !hasExtension) return false;
  // `foo.bar` with no slash is as often a property or a domain as a file: only well-known file types count.
  if (
    !hasSlash &&
    !/\.(?:md|mdx|json|ya?ml|toml|[cm]?[jt]sx?|sh|txt|lock|env(?:\.[a-z]+)?|config\.[cm]?[jt]s)$/i.test(text)
  )
    return false;
  return true;
}
