/**
 * Generated files by their generator: a file of the repository that one of its scripts or its product code
 * writes, by a path the writer spells out (`writeFileSync("src/data/locales.json", …)` in a script,
 * `writeFile(join(__dirname, "../src/names.ts"), …)`), is generated whatever its header, and its `why` names the
 * writer. A generator and its output change together by design: that is no hidden coupling.
 *
 * May: read the repository's scripts (they are not parsed for any other fact) and parse those that write files.
 * May not: parse product code or tests again (their writes come with the modules fact), report findings.
 */
import { join, posix } from "node:path";
import type { DiscoveredFile, Inventory } from "../../discover/index.js";
import type { ModuleFacts } from "../modules/index.js";
import { readSource } from "../modules/read.js";

/** An output and the file that writes it. */
export interface GeneratorLink {
  generator: string;
  line: number;
}

/** What the writes found. */
export interface GeneratedFact {
  /** Output path → its generator, whatever the output's kind (one the config keeps as source too). */
  links: Map<string, GeneratorLink>;
  /** The modules, without the outputs (they are no longer product code). */
  modules: ModuleFacts[];
  /** The outputs' new kind and why, for the inventory. */
  reclassified: Array<{ path: string; kind: "generated"; why: string }>;
}

const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Loose test before a script is parsed: writes.ts's own test is exact. */
const MAY_WRITE = /\b(?:write|output|createWriteStream)/;
/** Data a script may write: structured text, not a manifest or a tool's config. */
const DATA = /\.(?:json|jsonc|json5|ya?ml|toml|csv|txt)$/i;
const NOT_DATA = /^(?:package\.json|[tj]sconfig[^/]*\.json|[^/]*lock[^/]*|\.[^/]*)$/i;

/** Finds the files written by the repository's scripts and product code, and takes them out of product code. */
export async function findGenerated(inventory: Inventory, modules: readonly ModuleFacts[]): Promise<GeneratedFact> {
  const files = new Map(inventory.files.map((file) => [file.path, file]));
  const writers: Array<{ generator: string; path: string; line: number }> = [];
  for (const module of modules) {
    for (const write of module.writes ?? []) writers.push({ generator: module.path, ...write });
  }
  const scripts: Array<{ path: string; text: string }> = [];
  for (const file of inventory.files) {
    if (file.kind !== "script" || !CODE.test(file.path) || DECLARATION.test(file.path)) continue;
    const read = readSource(join(inventory.root, file.path));
    if (read.kind === "text" && MAY_WRITE.test(read.text)) scripts.push({ path: file.path, text: read.text });
  }
  if (scripts.length > 0) {
    // Loaded on demand: the parser is not needed when no script writes (and a cached scan parses nothing else).
    const { scriptWrites } = await import("../modules/writes.js");
    for (const script of scripts) {
      for (const write of scriptWrites(script.path, script.text)) {
        const path = resolveWrite(script.path, write, inventory.packageRoots, files);
        if (path !== null) writers.push({ generator: script.path, path, line: write.line });
      }
    }
  }
  const links = new Map<string, GeneratorLink>();
  for (const { generator, path, line } of writers.sort(
    (a, b) => compare(a.generator, b.generator) || a.line - b.line,
  )) {
    if (files.has(path) && path !== generator && !links.has(path)) links.set(path, { generator, line });
  }
  const reclassified = [...links]
    .filter(([path]) => isOutputKind(files.get(path)))
    .map(([path, link]) => ({
      path,
      kind: "generated" as const,
      why: `written by ${link.generator} (line ${link.line})`,
    }));
  const outputs = new Set(reclassified.map((entry) => entry.path));
  return { links, modules: modules.filter((module) => !outputs.has(module.path)), reclassified };
}

/** A script's write, repo-relative: from its folder, or from the working directory (its package's root, or the repository's). */
function resolveWrite(
  script: string,
  write: { base: "file" | "cwd"; path: string },
  packageRoots: readonly string[],
  files: ReadonlyMap<string, DiscoveredFile>,
): string | null {
  const inside = (path: string): string | null => {
    const normal = posix.normalize(path);
    return normal.startsWith("../") || normal === ".." ? null : normal;
  };
  if (write.base === "file") return inside(posix.join(posix.dirname(script), write.path));
  const roots = packageRoots
    .filter((dir) => dir === "" || script.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const root of [...roots, ""]) {
    const path = inside(posix.join(root, write.path));
    if (path !== null && files.has(path)) return path;
  }
  return null;
}

/**
 * Kinds a written file is taken out of: code (product code, declarations, already-generated files) and data,
 * but not tests, fixtures, examples, documents, manifests or tool configs, nor a kind the config's `classify` set.
 */
function isOutputKind(file: DiscoveredFile | undefined): boolean {
  if (file === undefined) return false;
  if (file.why?.startsWith("config classify.") === true) return false;
  if (file.kind === "source" || file.kind === "declaration" || file.kind === "generated") return true;
  const name = posix.basename(file.path);
  return (file.kind === "config" || file.kind === "other") && DATA.test(name) && !NOT_DATA.test(name);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
