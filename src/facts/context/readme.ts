import type { DiscoveredFile, SkippedFile } from "../../discover/index.js";
import { READ_LIMITS, readTextOrNull } from "../../read.js";

/** One heading of a README. */
export interface Heading {
  level: number;
  text: string;
  line: number;
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
   * A contributing or development guide beside the README (CONTRIBUTING.md,
   * DEVELOPING.md, … at the root, in .github/ or docs/), with its headings: where
   * many projects keep how to build and test.
   */
  guide: { path: string; headings: Heading[] } | null;
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
  return {
    path,
    linkedTo,
    guide: await readGuide(root, [...files.map((file) => file.path), ...links.keys()], links),
    hasUsageExample: hasUsageExample(lines),
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

/** True when a fenced code block installs the project or imports it. */
function hasUsageExample(lines: readonly string[]): boolean {
  let fence: string | null = null;
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]?.[0];
    if (marker !== undefined) {
      fence = fence === null ? marker : marker === fence ? null : fence;
      continue;
    }
    if (fence !== null && USAGE_LINE.test(line)) return true;
  }
  return false;
}

const DOCS_LINK = /\[[^\]]*\b(?:docs|documentation|guide|getting started)\b[^\]]*\]\(https?:\/\/[^)\s]+\)/i;

const GUIDE_NAME = /^(?:contributing|developing|development|hacking)(?:\.(?:md|markdown|mdx))?$/i;

/** The first contributing or development guide, as GitHub finds CONTRIBUTING.md: the root, .github/, docs/. */
async function readGuide(
  root: string,
  paths: readonly string[],
  links: ReadonlyMap<string, string>,
): Promise<ReadmeFact["guide"]> {
  for (const dir of README_DIRS) {
    const path = paths
      .filter((candidate) => directoryOf(candidate) === dir && GUIDE_NAME.test(baseName(candidate)))
      .sort(preferMarkdown)[0];
    if (path === undefined) continue;
    const text = readTextOrNull(root, links.get(path) ?? path, READ_LIMITS.document);
    if (text !== null) return { path, headings: markdownHeadings(text.split(/\r?\n/)) };
  }
  return null;
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
