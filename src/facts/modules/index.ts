/**
 * The modules fact: one parse per source and test file.
 *
 * May: read each parsed file once, parse it with the TypeScript parser.
 * May not: keep ASTs past one file, build a Program or type checker, run rules, print.
 */
import { join } from "node:path";
import { isParsedKind, type DiscoveredFile, type FileKind, type SkippedFile } from "../../discover/index.js";
import { readSource, type ReadOutcome } from "./read.js";
import type { ModuleFacts } from "./types.js";

export type * from "./types.js";

/** The modules fact plus what reading the files taught about them. */
export interface ModulesFact {
  modules: ModuleFacts[];
  /** Files found unanalysable by content (binary, minified, unreadable). */
  skipped: SkippedFile[];
  /** Files whose content showed another kind (a `@generated` header). */
  reclassified: Array<{ path: string; kind: FileKind }>;
  /** Non-fatal problems met while reading, one line each. */
  warnings: string[];
  /** Files whose outcome came from the cache: neither parsed nor (when their blob id was known) read. */
  fromCache: number;
}

/** What reading and parsing one file gave, as kept by a module cache. */
export type FileOutcome =
  | { kind: "module"; module: ModuleFacts; isLatin1: boolean }
  | { kind: "generated" }
  | { kind: "skip"; reason: SkippedFile["reason"]; detail: string };

/**
 * Outcomes keyed by content (blob id), kind and path: a Map in memory, or the
 * on-disk fact cache (src/cache).
 */
export interface ModuleCache {
  get(key: string): FileOutcome | undefined;
  has(key: string): boolean;
  set(key: string, outcome: FileOutcome): unknown;
}

const READ_BATCH = 32;

/**
 * Reads and parses every source and test file of the inventory. With a cache,
 * a file whose blob id is known and cached is not even read, and one whose
 * bytes hash to a cached blob id is read but not parsed.
 */
export async function collectModules(
  root: string,
  files: readonly DiscoveredFile[],
  cache?: ModuleCache,
  onProgress?: (done: number, total: number) => void,
): Promise<ModulesFact> {
  const parsed = files.filter((file) => isParsedKind(file.kind));
  const result: ModulesFact = { modules: [], skipped: [], reclassified: [], warnings: [], fromCache: 0 };
  const keyOf = (file: DiscoveredFile, blob: string | null | undefined): string | null =>
    cache && blob ? `${blob}\0${file.kind}\0${file.path}` : null;
  const outcomes = new Map<string, FileOutcome>();
  const toRead: DiscoveredFile[] = [];
  for (const file of parsed) {
    const key = keyOf(file, file.blob);
    const cached = key === null ? undefined : cache?.get(key);
    if (cached) {
      outcomes.set(file.path, cached);
      result.fromCache += 1;
    } else toRead.push(file);
  }
  const hashBytes = cache !== undefined;
  const deep: DeepRetry[] = [];
  let parser: typeof import("./parse.js") | null = null;
  // Reads run ahead in small batches so the disk is busy while the previous batch parses.
  let pending = readBatch(root, toRead.slice(0, READ_BATCH), hashBytes);
  for (let start = 0; start < toRead.length; start += READ_BATCH) {
    const batch = toRead.slice(start, start + READ_BATCH);
    const reads = await pending;
    pending = readBatch(root, toRead.slice(start + READ_BATCH, start + 2 * READ_BATCH), hashBytes);
    for (const [index, file] of batch.entries()) {
      const read = reads[index];
      if (!read) continue;
      const key = keyOf(file, file.blob ?? (read.kind === "text" ? read.blob : null));
      const cached = key === null ? undefined : cache?.get(key);
      // The parser (and the TypeScript compiler with it) is loaded only when a file needs parsing.
      parser ??= read.kind === "text" && !read.isGenerated && !cached ? await import("./parse.js") : null;
      if (cached) result.fromCache += 1;
      const outcome = cached ?? toOutcome(file, read, parser);
      outcomes.set(file.path, outcome);
      if (!cached && read.kind === "text" && outcome.kind === "module" && outcome.module.parseError?.tooDeep) {
        deep.push({ file, key, text: read.text, isLatin1: outcome.isLatin1 });
        continue;
      }
      // An unreadable file may read next time; everything else follows from the bytes.
      if (key !== null && !cached && !(read.kind === "skip" && read.reason === "unreadable")) cache?.set(key, outcome);
    }
    onProgress?.(Math.min(start + READ_BATCH, toRead.length), toRead.length);
  }
  await pending;
  if (deep.length > 0) await retryDeep(deep, outcomes, cache);
  for (const file of parsed) {
    const outcome = outcomes.get(file.path);
    if (outcome) addOutcome(result, file, outcome);
  }
  return result;
}

interface DeepRetry {
  file: DiscoveredFile;
  key: string | null;
  text: string;
  isLatin1: boolean;
}

/** Parses files too deep for the main thread again on a large stack; caches the outcome only when that ran. */
async function retryDeep(deep: readonly DeepRetry[], outcomes: Map<string, FileOutcome>, cache?: ModuleCache) {
  const { parseOnLargeStack } = await import("./deep.js");
  const reparsed = await parseOnLargeStack(
    deep.map(({ file, text }) => ({ path: file.path, kind: file.kind === "test" ? "test" : "source", text })),
  );
  if (reparsed === null) return;
  for (const [index, { file, key, isLatin1 }] of deep.entries()) {
    const module = reparsed[index];
    if (!module) continue;
    const outcome: FileOutcome = { kind: "module", module, isLatin1 };
    outcomes.set(file.path, outcome);
    if (key !== null) cache?.set(key, outcome);
  }
}

function toOutcome(file: DiscoveredFile, read: ReadOutcome, parser: typeof import("./parse.js") | null): FileOutcome {
  if (read.kind === "skip") return { kind: "skip", reason: read.reason, detail: read.detail };
  if (read.isGenerated) return { kind: "generated" };
  if (!parser) throw new Error("the parser was not loaded");
  const module = parser.parseModule(file.path, file.kind === "test" ? "test" : "source", read.text);
  return { kind: "module", module, isLatin1: read.isLatin1 };
}

function addOutcome(result: ModulesFact, file: DiscoveredFile, outcome: FileOutcome): void {
  if (outcome.kind === "skip") {
    result.skipped.push({ path: file.path, reason: outcome.reason, detail: outcome.detail });
  } else if (outcome.kind === "generated") {
    result.reclassified.push({ path: file.path, kind: "generated" });
  } else {
    if (outcome.isLatin1) result.warnings.push(`${file.path}: not valid UTF-8; read as Latin-1`);
    result.modules.push(outcome.module);
  }
}

function readBatch(root: string, batch: readonly DiscoveredFile[], hashBytes: boolean): Promise<ReadOutcome[]> {
  return Promise.all(batch.map((file) => readSource(join(root, file.path), hashBytes && file.blob === null)));
}
