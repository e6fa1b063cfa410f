/**
 * The modules fact: one parse per source and test file.
 *
 * May: read each parsed file once, parse it with the TypeScript parser.
 * May not: keep ASTs past one file, build a Program or type checker, run rules, print.
 */
import { join } from "node:path";
import {
  isClassifiedByConfig,
  isParsedKind,
  type DiscoveredFile,
  type FileKind,
  type SkippedFile,
} from "../../discover/index.js";
import { isCacheable, isTooDeep, toOutcome, type FileOutcome, type Parser } from "./outcome.js";
import { readSource, type ReadOutcome } from "./read.js";
import type { SharedParse } from "./share.js";
import type { ModuleFacts } from "./types.js";

export type * from "./types.js";

/** The modules fact plus what reading the files taught about them. */
export interface ModulesFact {
  modules: ModuleFacts[];
  /** Files found unanalysable by content (binary, minified, unreadable). */
  skipped: SkippedFile[];
  /** Files whose content showed another kind (a `@generated` header, a header saying the code is copied in), and why. */
  reclassified: Array<{ path: string; kind: FileKind; why?: string }>;
  /** Non-fatal problems met while reading, one line each. */
  warnings: string[];
  /** Files whose outcome came from the cache: neither parsed nor (when their blob id was known) read. */
  fromCache: number;
}

export type { FileOutcome } from "./outcome.js";
export { SharedParse, type ParseHelp } from "./share.js";

/**
 * Outcomes keyed by content (blob id), kind and path: a Map in memory, or the
 * on-disk fact cache (src/cache).
 */
export interface ModuleCache {
  get(key: string): FileOutcome | undefined;
  has(key: string): boolean;
  set(key: string, outcome: FileOutcome): unknown;
}

/** Files parsed between two turns of the event loop. */
const YIELD_EVERY = 32;

/**
 * Reads and parses every source and test file of the inventory. With a cache,
 * a file whose blob id is known and cached is not even read, and one whose
 * bytes hash to a cached blob id is read but not parsed. With `share` (made
 * from the same files), a helper thread may take files from the end.
 */
export async function collectModules(
  root: string,
  files: readonly DiscoveredFile[],
  cache?: ModuleCache,
  onProgress?: (done: number, total: number) => void,
  share?: SharedParse,
): Promise<ModulesFact> {
  const parsed = share ? share.files : files.filter((file) => isParsedKind(file.kind));
  const result: ModulesFact = { modules: [], skipped: [], reclassified: [], warnings: [], fromCache: 0 };
  const keyOf = (file: DiscoveredFile, blob: string | null | undefined): string | null =>
    cache && blob ? `${blob}\0${file.kind}${isClassifiedByConfig(file) ? "!" : ""}\0${file.path}` : null;
  const outcomes = new Map<string, FileOutcome>();
  /** Keeps the cached outcome of a file whose content (blob id) the cache knows; false when it does not. */
  const takeCached = (file: DiscoveredFile, key: string | null): boolean => {
    const cached = key === null ? undefined : cache?.get(key);
    if (!cached) return false;
    outcomes.set(file.path, cached);
    result.fromCache += 1;
    return true;
  };
  const toRead: number[] = [];
  for (const [index, file] of parsed.entries()) {
    if (takeCached(file, keyOf(file, file.blob))) share?.claim(index);
    else toRead.push(index);
  }
  const hashBytes = cache !== undefined;
  const deep: DeepRetry[] = [];
  let parser: Parser | null = null;
  /** Keeps a file's outcome (computed here or by the helper); the read's text is there for a deep retry. */
  const settle = (file: DiscoveredFile, key: string | null, outcome: FileOutcome, text: string | null): void => {
    outcomes.set(file.path, outcome);
    if (isTooDeep(outcome)) deep.push({ file, key, text, isLatin1: outcome.kind === "module" && outcome.isLatin1 });
    else if (key !== null && isCacheable(outcome)) cache?.set(key, outcome);
  };
  const readAndParse = async (file: DiscoveredFile, read: ReadOutcome): Promise<void> => {
    const key = keyOf(file, file.blob ?? (read.kind === "text" ? read.blob : null));
    if (takeCached(file, key)) return;
    // The parser (and the TypeScript compiler with it) is loaded only when a file needs parsing.
    if (read.kind === "text" && !read.isGenerated) parser ??= await import("./parse.js");
    settle(
      file,
      key,
      toOutcome({ ...file, keepsKind: isClassifiedByConfig(file) }, read, parser),
      read.kind === "text" ? read.text : null,
    );
  };
  const readOf = (file: DiscoveredFile): ReadOutcome =>
    readSource(join(root, file.path), hashBytes && file.blob === null);
  for (const [position, index] of toRead.entries()) {
    const file = parsed[index];
    // A file the helper took first is left to it.
    if (file && (!share || share.claim(index))) await readAndParse(file, readOf(file));
    if (position % YIELD_EVERY === YIELD_EVERY - 1 || position === toRead.length - 1) {
      onProgress?.(position + 1, toRead.length);
      // Between files, what runs beside the parse (git's output, the progress bar, the helper) gets its turn.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (share) {
    const helped = await share.helped();
    share.close();
    for (const index of toRead) {
      const file = parsed[index];
      if (!file || outcomes.has(file.path)) continue;
      const done = helped.get(index);
      // A file the helper took but never delivered (its thread stopped) is parsed here.
      if (!done) {
        await readAndParse(file, readOf(file));
        continue;
      }
      // Without a blob id from git, the helper hashed the bytes: they may be cached (a copied file, a new mtime).
      const key = keyOf(file, file.blob ?? done.blob);
      if (!takeCached(file, key)) settle(file, key, done.outcome, null);
    }
  }
  if (deep.length > 0) await retryDeep(root, deep, outcomes, cache);
  for (const file of parsed) {
    const outcome = outcomes.get(file.path);
    if (outcome) addOutcome(result, file, outcome);
  }
  return result;
}

interface DeepRetry {
  file: DiscoveredFile;
  key: string | null;
  /** The file's text, or null when the helper thread read it (it is read again). */
  text: string | null;
  isLatin1: boolean;
}

/** Parses files too deep for the main thread again on a large stack; caches the outcome only when that ran. */
async function retryDeep(
  root: string,
  deep: readonly DeepRetry[],
  outcomes: Map<string, FileOutcome>,
  cache?: ModuleCache,
) {
  const { parseOnLargeStack } = await import("./deep.js");
  // The helper thread does not send the texts back: its files are read again (a file gone since keeps its outcome).
  const retried = deep.flatMap((retry) => {
    const read = retry.text === null ? readSource(join(root, retry.file.path)) : null;
    const text = retry.text ?? (read?.kind === "text" ? read.text : null);
    return text === null ? [] : [{ ...retry, text }];
  });
  const reparsed = await parseOnLargeStack(
    retried.map(({ file, text }) => ({ path: file.path, kind: file.kind === "test" ? "test" : "source", text })),
  );
  if (reparsed === null) return;
  for (const [index, { file, key, isLatin1 }] of retried.entries()) {
    const module = reparsed[index];
    if (!module) continue;
    const outcome: FileOutcome = { kind: "module", module, isLatin1 };
    outcomes.set(file.path, outcome);
    if (key !== null) cache?.set(key, outcome);
  }
}

function addOutcome(result: ModulesFact, file: DiscoveredFile, outcome: FileOutcome): void {
  if (outcome.kind === "skip") {
    result.skipped.push({ path: file.path, reason: outcome.reason, detail: outcome.detail });
  } else if (outcome.kind === "generated") {
    result.reclassified.push({ path: file.path, kind: "generated" });
  } else if (outcome.kind === "vendored") {
    result.reclassified.push({ path: file.path, kind: "vendored", why: outcome.why });
  } else {
    if (outcome.isLatin1) result.warnings.push(`${file.path}: not valid UTF-8; read as Latin-1`);
    result.modules.push(outcome.module);
  }
}
