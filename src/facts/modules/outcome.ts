/**
 * What reading and parsing one file gives: the step both threads of a shared
 * parse (share.ts) take for each file they claim.
 *
 * May: turn a read into facts with the parser it is given. May not: read, load the parser itself.
 */
import type { DiscoveredFile, SkippedFile } from "../../discover/index.js";
import type { ReadOutcome } from "./read.js";
import type { ModuleFacts } from "./types.js";
import { vendoredHeader } from "./vendored.js";

/** What reading and parsing one file gave, as kept by a module cache. */
export type FileOutcome =
  | { kind: "module"; module: ModuleFacts; isLatin1: boolean }
  | { kind: "generated" }
  | { kind: "vendored"; why: string }
  | { kind: "skip"; reason: SkippedFile["reason"]; detail: string };

/** The parser module (parse.ts), loaded by the caller only when some file needs it. */
export type Parser = typeof import("./parse.js");

/** The outcome of a file from its read; `parser` is needed when the read gave text that is not generated or vendored. */
export function toOutcome(
  file: Pick<DiscoveredFile, "path" | "kind"> & { keepsKind?: boolean | undefined },
  read: ReadOutcome,
  parser: Parser | null,
): FileOutcome {
  if (read.kind === "skip") return { kind: "skip", reason: read.reason, detail: read.detail };
  // A kind the config gives stands: a generated header does not take the file out of the parse.
  if (read.isGenerated && file.keepsKind !== true) return { kind: "generated" };
  // Product code copied in from another project, by its header. A test copied in still tests this repository's code.
  const vendored = file.kind === "source" && file.keepsKind !== true ? vendoredHeader(read.text) : null;
  if (vendored !== null) return { kind: "vendored", why: vendored };
  if (!parser) throw new Error("the parser was not loaded");
  const module = parser.parseModule(file.path, file.kind === "test" ? "test" : "source", read.text);
  return { kind: "module", module, isLatin1: read.isLatin1 };
}

/** A file that may be kept in the cache: an unreadable file may read next time, everything else follows from the bytes. */
export function isCacheable(outcome: FileOutcome): boolean {
  return !(outcome.kind === "skip" && outcome.reason === "unreadable");
}

/** A file the main thread's parser could not follow (too deep), to parse again on a larger stack. */
export function isTooDeep(outcome: FileOutcome): boolean {
  return outcome.kind === "module" && outcome.module.parseError?.tooDeep === true;
}
