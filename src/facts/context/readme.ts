import { posix } from "node:path";
import type { DiscoveredFile, SkippedFile } from "../../discover/index.js";
import { READ_LIMITS, readTextOrNull } from "../../read.js";

/** One heading of a README. */
export interface Heading {
  level: number;
  text: string;
  line: number;
}

/** A contributing or development guide, as far as the README rule needs it. */
export interface Guide {
  path: string;
  headings: Heading[];
  /** A fenced code block that builds, tests or lints the project (see `ReadmeFact.hasDevelopmentCommands`). */
  hasDevelopmentCommands: boolean;
}

/** The repository's README, as far as the rules need it. */
export interface ReadmeFact {
  path: string;
  /**
   * When the README is a symbolic link, the file it leads to inside the
   * repository: the one to edit (zod's README.md → packages/zod/README.md).
   */
  linkedTo: string | null;
  lines: number;
  /** True when the file has no visible text at all. */
  isEmpty: boolean;
  headings: Heading[];
  /**
   * Contributing or development guides: the first beside the README (CONTRIBUTING.md,
   * DEVELOPING.md, … at the root, in .github/ or docs/, as GitHub finds it), then the
   * local guides the README links to, each with its headings: where many projects
   * keep how to build and test.
   */
  guides: Guide[];
  /**
   * A fenced code block that builds, tests or lints the project, or installs its own dependencies
   * (`npm test`, `pnpm run build`, a bare `npm install`, `git clone`): a development section by
   * content, whatever its heading.
   */
  hasDevelopmentCommands: boolean;
  /**
   * A link that sends contributors elsewhere for building and testing: a link whose text or target
   * names contributing or development, to a page outside the repository (a local guide is read as
   * `guide` instead).
   */
  linksToDevelopmentGuide: boolean;
  /**
   * A fenced code block that shows how to install or use the project (`npm install x`, `pnpm add x`, an
   * `import … from`), with or without a heading above it.
   */
  hasUsageExample: boolean;
  /** A link to the project's documentation site (`[Read the docs](https://…)`): where its usage is. */
  linksToDocs: boolean;
  /** The first paragraph of prose (not a heading, badge, image, HTML or code), flattened to one line. */
  firstParagraph: string | null;
}

const README_NAME = /^readme(?:\.(?:md|markdown|mdx|rst|txt|adoc|asciidoc))?$/i;
/** Where GitHub looks for a repository README; the root first, as that is where an agent looks. */
const README_DIRS = ["", ".github", "docs"];

/** Finds the repository README (as GitHub would) and reads its headings. */
export async function readReadme(
  root: string,
  files: readonly DiscoveredFile[],
  skipped: readonly SkippedFile[] = [],
): Promise<ReadmeFact | null> {
  const links = new Map(
    skipped.flatMap((file) => (file.linkedTo !== undefined ? [[file.path, file.linkedTo] as const] : [])),
  );
  const path = findReadme([...files.map((file) => file.path), ...links.keys()]);
  if (!path) return null;
  const linkedTo = links.get(path) ?? null;
  const text = readTextOrNull(root, linkedTo ?? path, READ_LIMITS.document);
  if (text === null) return null;
  const lines = text.split(/\r?\n/);
  const paths = [...files.map((file) => file.path), ...links.keys()];
  const guideLinks = developmentLinks(lines, directoryOf(linkedTo ?? path), new Set(paths));
  return {
    path,
    linkedTo,
    guides: await readGuides(root, paths, links, guideLinks.local),
    hasDevelopmentCommands: inCodeBlocks(lines, DEVELOPMENT_LINE),
    linksToDevelopmentGuide: guideLinks.external,
    hasUsageExample: inCodeBlocks(lines, USAGE_LINE),
    linksToDocs: lines.some((line) => DOCS_LINK.test(line)),
    lines: text.endsWith("\n") ? lines.length - 1 : lines.length,
    isEmpty: text.trim() === "",
    headings: /\.rst$/i.test(path) ? rstHeadings(lines) : markdownHeadings(lines),
    firstParagraph: firstParagraph(lines),
  };
}

function findReadme(paths: readonly string[]): string | null {
  for (const dir of README_DIRS) {
    const candidates = paths
      .filter((path) => directoryOf(path) === dir && README_NAME.test(baseName(path)))
      .sort(preferMarkdown);
    if (candidates[0]) return candidates[0];
  }
  return null;
}

const USAGE_LINE =
  /^\s*(?:\$\s*)?(?:(?:npm|pnpm|yarn|bun)\s+(?:install|i|add)\s+\S|npx\s+\S|deno\s+add\s|import\s.+\sfrom\s|(?:const|let|var)\s.+=\s*require\()/;

/**
 * A command that works on the project itself: its scripts (test, build, lint, …), installing its own
 * dependencies (no package named), cloning it.
 */
const DEVELOPMENT_LINE =
  /^\s*(?:\$\s*)?(?:(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:test|build|lint|typecheck|type-check|check|dev|format)\b|(?:npm|pnpm|yarn|bun)\s+(?:install|i|ci)\s*(?:$|&&|--)|git\s+clone\s|make\s+(?:test|build|check)\b|npx\s+(?:vitest|jest|tsc|eslint|mocha|ava|playwright)\b|deno\s+task\s)/;

/** True when a line inside a fenced code block matches. */
function inCodeBlocks(lines: readonly string[], pattern: RegExp): boolean {
  let fence: string | null = null;
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]?.[0];
    if (marker !== undefined) {
      fence = fence === null ? marker : marker === fence ? null : fence;
      continue;
    }
    if (fence !== null && pattern.test(line)) return true;
  }
  return false;
}

const DOCS_LINK = /\[[^\]]*\b(?:docs|documentation|guide|getting started)\b[^\]]*\]\(https?:\/\/[^)\s]+\)/i;

const GUIDE_NAME = /^(?:contributing|developing|development|hacking)(?:\.(?:md|markdown|mdx))?$/i;
/** Words of a link (its text or target) that send contributors to a guide; badges and images never do. */
const GUIDE_WORDS = /contribut|develop|hacking/i;
/** Local guide files named for building or testing count too (docs/building.md, TESTING.md). */
const GUIDE_FILE = /(?:contribut|develop|hacking|build|test)[^/]*\.(?:md|markdown|mdx)$/i;
const MARKDOWN_LINK = /\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g;

/**
 * Links that send contributors to a guide: local Markdown files that exist (resolved against the
 * README's folder, then the root), and whether one leads to a page outside the repository.
 */
function developmentLinks(
  lines: readonly string[],
  folder: string,
  paths: ReadonlySet<string>,
): { local: string[]; external: boolean } {
  const local: string[] = [];
  let external = false;
  for (const line of lines) {
    for (const [, text = "", target = ""] of line.matchAll(MARKDOWN_LINK)) {
      if (text.startsWith("!")) continue; // an image (a badge): its target is a picture, not a guide
      if (/^https?:\/\//i.test(target)) {
        if (GUIDE_WORDS.test(text) || GUIDE_WORDS.test(target)) external = true;
        continue;
      }
      const file = safeDecode(target.replace(/[#?].*$/, "")).replace(/^\.\//, "");
      if (!/\.(?:md|markdown|mdx)$/i.test(file) || !(GUIDE_WORDS.test(text) || GUIDE_FILE.test(file))) continue;
      const candidates = [posix.normalize(posix.join(folder, file)), posix.normalize(file.replace(/^\//, ""))];
      const found = candidates.find((candidate) => paths.has(candidate));
      if (found !== undefined && !local.includes(found)) local.push(found);
    }
  }
  return { local, external };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The first contributing or development guide as GitHub finds CONTRIBUTING.md (the root, .github/,
 * docs/), then the guides the README links to, each read once.
 */
async function readGuides(
  root: string,
  paths: readonly string[],
  links: ReadonlyMap<string, string>,
  linked: readonly string[],
): Promise<Guide[]> {
  const standard = README_DIRS.map(
    (dir) =>
      paths
        .filter((candidate) => directoryOf(candidate) === dir && GUIDE_NAME.test(baseName(candidate)))
        .sort(preferMarkdown)[0],
  ).find((path) => path !== undefined);
  const guides: Guide[] = [];
  for (const path of new Set([...(standard === undefined ? [] : [standard]), ...linked])) {
    const text = readTextOrNull(root, links.get(path) ?? path, READ_LIMITS.document);
    if (text === null) continue;
    const lines = text.split(/\r?\n/);
    guides.push({
      path,
      headings: markdownHeadings(lines),
      hasDevelopmentCommands: inCodeBlocks(lines, DEVELOPMENT_LINE),
    });
  }
  return guides;
}

function preferMarkdown(a: string, b: string): number {
  const rank = (path: string): number => (/\.md$/i.test(path) ? 0 : /\.(?:markdown|mdx)$/i.test(path) ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** ATX (`## Usage`) and setext (underlined) headings, outside fenced code blocks; HTML `<h2>` too. */
export function markdownHeadings(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  let fence: string | null = null;
  const frontMatterEnd =
    lines[0]?.trim() === "---" ? lines.findIndex((line, index) => index > 0 && line.trim() === "---") : -1;
  lines.forEach((line, index) => {
    if (index <= frontMatterEnd) return;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]?.[0];
    if (marker !== undefined) {
      if (fence === null) fence = marker;
      else if (marker === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const heading = headingAt(line, lines[index + 1]);
    if (heading) headings.push({ ...heading, line: index + 1 });
  });
  return headings;
}

function headingAt(line: string, next: string | undefined): Omit<Heading, "line"> | null {
  const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  if (atx?.[1] && atx[2] !== undefined) return { level: atx[1].length, text: atx[2] };
  const html = /<h([1-6])[^>]*>(.*?)<\/h\1>/i.exec(line);
  if (html?.[1] && html[2] !== undefined)
    return { level: Number(html[1]), text: html[2].replace(/<[^>]+>/g, "").trim() };
  const isSetext =
    line.trim() !== "" && next !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s{0,3}[-*+>]/.test(line);
  return isSetext ? { level: next.trim().startsWith("=") ? 1 : 2, text: line.trim() } : null;
}

/** reStructuredText titles: a text line underlined with a punctuation run at least as long. */
function rstHeadings(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  const levels: string[] = [];
  lines.forEach((line, index) => {
    const underline = lines[index + 1];
    if (line.trim() === "" || underline === undefined) return;
    const match = /^([=\-`:'"~^_*+#<>])\1+\s*$/.exec(underline);
    if (!match?.[1] || underline.trim().length < line.trim().length) return;
    if (!levels.includes(match[1])) levels.push(match[1]);
    headings.push({ level: levels.indexOf(match[1]) + 1, text: line.trim(), line: index + 1 });
  });
  return headings;
}

function firstParagraph(lines: readonly string[]): string | null {
  const paragraphs: string[][] = [[]];
  let inFence = false;
  for (const line of lines) {
    if (/^\s{0,3}(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    const isProse =
      !inFence && line.trim() !== "" && !/^\s*(?:#|<|!\[|\[!\[|[=-]{3,}\s*$|[-*+]\s|\d+\.\s|>|\||```)/.test(line);
    if (isProse) paragraphs[paragraphs.length - 1]?.push(line.trim());
    else if ((paragraphs[paragraphs.length - 1]?.length ?? 0) > 0) paragraphs.push([]);
  }
  const first = paragraphs.find((paragraph) => paragraph.length > 0);
  return first ? first.join(" ") : null;
}
