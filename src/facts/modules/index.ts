/**
 * The modules fact: one parse per source and test file.
 *
 * May: read each parsed file once, parse it with the TypeScript parser.
 * May not: keep ASTs past one file, build a Program or type checker, run rules, print.
 */
import { join } from "node:path";
import { isParsedKind, type DiscoveredFile, type FileKind, type SkippedFile } from "../../discover/index.js";
import { parseModule } from "./parse.js";
import { readSource, type ReadOutcome } from "./read.js";
import type { ModuleFacts } from "./types.js";

export type * from "./types.js";
export { countLines } from "./parse.js";

/** The modules fact plus what reading the files taught about them. */
export interface ModulesFact {
  modules: ModuleFacts[];
  /** Files found unanalysable by content (binary, minified, unreadable). */
  skipped: SkippedFile[];
  /** Files whose content showed another kind (a `@generated` header). */
  reclassified: Array<{ path: string; kind: FileKind }>;
  /** Non-fatal problems met while reading, one line each. */
  warnings: string[];
}

/** What reading and parsing one file gave, as kept by a module cache. */
export type FileOutcome =
  | { kind: "module"; module: ModuleFacts; isLatin1: boolean }
  | { kind: "generated" }
  | { kind: "skip"; reason: SkippedFile["reason"]; detail: string };

/**
 * Outcomes keyed by blob id, kind and path. Only for trees whose blob ids are
 * exact (a commit read from git), never for a work tree with edits.
 */
export type ModuleCache = Map<string, FileOutcome>;

const READ_BATCH = 32;

/** Reads and parses every source and test file of the inventory; files in `cache` are neither read nor parsed. */
export async function collectModules(
  root: string,
  files: readonly DiscoveredFile[],
  cache?: ModuleCache,
): Promise<ModulesFact> {
  const parsed = files.filter((file) => isParsedKind(file.kind));
  const result: ModulesFact = { modules: [], skipped: [], reclassified: [], warnings: [] };
  const keyOf = (file: DiscoveredFile): string | null =>
    cache && file.blob !== null ? `${file.blob}\0${file.kind}\0${file.path}` : null;
  const toRead = parsed.filter((file) => {
    const key = keyOf(file);
    return key === null || !cache?.has(key);
  });
  const fresh = new Map<string, FileOutcome>();
  // Reads run ahead in small batches so the disk is busy while the previous batch parses.
  let pending = readBatch(root, toRead.slice(0, READ_BATCH));
  for (let start = 0; start < toRead.length; start += READ_BATCH) {
    const batch = toRead.slice(start, start + READ_BATCH);
    const outcomes = await pending;
    pending = readBatch(root, toRead.slice(start + READ_BATCH, start + 2 * READ_BATCH));
    batch.forEach((file, index) => {
      const read = outcomes[index];
      if (!read) return;
      const outcome = toOutcome(file, read);
      fresh.set(file.path, outcome);
      const key = keyOf(file);
      // An unreadable file may read next time; everything else follows from the bytes.
      if (key !== null && !(read.kind === "skip" && read.reason === "unreadable")) cache?.set(key, outcome);
    });
  }
  await pending;
  for (const file of parsed) {
    const key = keyOf(file);
    const outcome = fresh.get(file.path) ?? (key === null ? undefined : cache?.get(key));
    if (outcome) addOutcome(result, file, outcome);
  }
  return result;
}

function toOutcome(file: DiscoveredFile, read: ReadOutcome): FileOutcome {
  if (read.kind === "skip") return { kind: "skip", reason: read.reason, detail: read.detail };
  if (read.isGenerated) return { kind: "generated" };
  const module = parseModule(file.path, file.kind === "test" ? "test" : "source", read.text);
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

function readBatch(root: string, batch: readonly DiscoveredFile[]): Promise<ReadOutcome[]> {
  return Promise.all(batch.map((file) => readSource(join(root, file.path))));
}
