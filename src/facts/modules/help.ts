/**
 * The helper's side of a shared parse (share.ts): it claims files from the
 * last, reads and parses each, and posts their outcomes in small batches until
 * it meets the main thread. Reads are synchronous: nothing else waits on this
 * thread.
 *
 * May: read and parse the files it claims. May not: print, touch the fact cache.
 */
import { join } from "node:path";
import { toOutcome } from "./outcome.js";
import * as parser from "./parse.js";
import { readSource } from "./read.js";
import { Claim, type HelpedFile, type HelpMessage, type ParseHelp } from "./share.js";

/** Outcomes per message: small enough that the main thread sees them soon, large enough to keep messages few. */
const BATCH = 16;

/** Parses what the main thread has not taken; returns how many files this thread took. */
export function helpParse(help: ParseHelp): number {
  const claims = new Int32Array(help.claims);
  const post = (message: HelpMessage): void => help.port.postMessage(message);
  let batch: HelpedFile[] = [];
  let taken = 0;
  for (let index = help.files.length - 1; index >= 0; index -= 1) {
    // Claimed by the main thread (or a cached file): the two have met, or this one is skipped.
    if (Atomics.compareExchange(claims, index, Claim.Free, Claim.Helper) !== Claim.Free) continue;
    const file = help.files[index];
    if (!file) continue;
    const read = readSource(join(help.root, file.path), file.withBlobId);
    const outcome = toOutcome(file, read, parser);
    batch.push({ index, outcome, blob: read.kind === "text" ? (read.blob ?? null) : null });
    taken += 1;
    if (batch.length === BATCH) {
      post({ files: batch });
      batch = [];
    }
  }
  if (batch.length > 0) post({ files: batch });
  post({ done: true });
  help.port.close();
  return taken;
}
