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

const READ_BATCH = 32;

/** Reads and parses every source and test file of the inventory. */
export async function collectModules(root: string, files: readonly DiscoveredFile[]): Promise<ModulesFact> {
  const parsed = files.filter((file) => isParsedKind(file.kind));
  const result: ModulesFact = { modules: [], skipped: [], reclassified: [], warnings: [] };
  // Reads run ahead in small batches so the disk is busy while the previous batch parses.
  let pending = readBatch(root, parsed.slice(0, READ_BATCH));
  for (let start = 0; start < parsed.length; start += READ_BATCH) {
    const batch = parsed.slice(start, start + READ_BATCH);
    const outcomes = await pending;
    pending = readBatch(root, parsed.slice(start + READ_BATCH, start + 2 * READ_BATCH));
    batch.forEach((file, index) => {
      const outcome = outcomes[index];
      if (!outcome) return;
      if (outcome.kind === "skip") {
        result.skipped.push({ path: file.path, reason: outcome.reason, detail: outcome.detail });
      } else if (outcome.isGenerated) {
        result.reclassified.push({ path: file.path, kind: "generated" });
      } else {
        if (outcome.isLatin1) result.warnings.push(`${file.path}: not valid UTF-8; read as Latin-1`);
        result.modules.push(parseModule(file.path, file.kind === "test" ? "test" : "source", outcome.text));
      }
    });
  }
  await pending;
  return result;
}

function readBatch(root: string, batch: readonly DiscoveredFile[]): Promise<ReadOutcome[]> {
  return Promise.all(batch.map((file) => readSource(join(root, file.path))));
}
