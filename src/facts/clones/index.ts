/**
 * The clones fact: duplicated code among the parsed files. By default the
 * built-in detector (tokens.ts, detect.ts) runs in a worker thread, on the
 * second core while the main thread parses; `clones.engine: "jscpd"` (or
 * GROUNDWORK_JSCPD) runs jscpd 5 instead. Both report the same shapes, with
 * jscpd's default thresholds.
 *
 * May: start one worker thread or jscpd, read the files it compares.
 * May not: report findings.
 */
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { onInterrupt } from "../../cleanup.js";
import { startWorker } from "../../worker.js";
import type { ParseHelp } from "../modules/index.js";
import { readSource } from "../modules/read.js";
import { DEFAULT_THRESHOLDS, detectClones, type CloneThresholds } from "./detect.js";
import { runJscpd } from "./jscpd.js";
import type { TokenizedFile } from "./tokens.js";
import type { ClonePair, CloneRun, ClonesFact } from "./types.js";

export type * from "./types.js";

/** What the worker is given. */
export interface CloneJob {
  root: string;
  files: readonly string[];
  thresholds: CloneThresholds;
}

/** The worker's data: its job, and the parse it helps with once the job is done. */
export interface CloneWorkerData {
  job: CloneJob;
  help: ParseHelp | null;
}

/** Token streams by blob id (the path is set per use). */
export type TokenCache = Map<string, Omit<TokenizedFile, "path">>;

/** A backfill's token cache, with the blob id of each file of the run (null: unknown). */
export interface TokenReuse {
  cache: TokenCache;
  blobs: readonly (string | null)[];
}

/**
 * Starts the clone worker before its job is known (null when there is no
 * compiled worker): it loads the TypeScript scanner on the second core while
 * the main thread lists the files, then waits for `collectClones` to give it
 * a job. Whoever starts one terminates it when the scan did not need it.
 */
export function startCloneWorker(): Worker | null {
  const worker = startWorker("./worker.js", import.meta.url, null);
  // Until it has a job, it must not keep the process alive (a scan that fails before then exits as usual).
  worker?.unref();
  return worker;
}

/** How the built-in detector runs: from a backfill's token cache, or in a worker (maybe started early), and what else it does. */
export interface CloneRunOptions {
  /** A backfill: every file's blob id and a cache kept across commits; detection runs on this thread. */
  reuse?: TokenReuse | undefined;
  /** The parse the worker helps with once its job is done. */
  help?: ParseHelp | undefined;
  /** A worker from startCloneWorker, used instead of starting one. */
  worker?: Worker | null | undefined;
}

/**
 * Finds the clones among `run.files`; never throws: a failure is an
 * "unavailable" fact with the reason. With `reuse`, detection runs on this
 * thread and tokenizes only blobs not seen before. With `help`, the worker
 * thread, its job done, goes on to parse files the main thread has not reached yet.
 */
export async function collectClones(run: CloneRun, options: CloneRunOptions = {}): Promise<ClonesFact> {
  const { reuse, help } = options;
  if (run.files.length === 0) return { status: "ok", clones: [] };
  if (run.settings.engine === "jscpd" || run.executable) return runJscpd(run);
  const job: CloneJob = {
    root: run.root,
    files: run.files,
    thresholds: {
      minTokens: run.settings.minTokens ?? DEFAULT_THRESHOLDS.minTokens,
      minLines: run.settings.minLines ?? DEFAULT_THRESHOLDS.minLines,
    },
  };
  if (reuse) return { status: "ok", clones: await findClones(job, reuse) };
  const data: CloneWorkerData = { job, help: help ?? null };
  const transfer = help ? [help.port] : [];
  // An early worker that has stopped meanwhile (threadId -1) would never answer: start another.
  const early = options.worker && options.worker.threadId !== -1 ? options.worker : null;
  const worker = early ?? startWorker("./worker.js", import.meta.url, data, { transfer });
  if (early) {
    early.ref();
    early.postMessage(data, transfer);
  }
  // Run from the TypeScript sources (the tests) there is no compiled worker: detect on this thread.
  if (worker === null) return { status: "ok", clones: await findClones(job) };
  return inWorker(worker, run.settings.timeoutMs);
}

/** Reads, tokenizes and compares the job's files (in the worker, or on this thread). */
export async function findClones(job: CloneJob, reuse?: TokenReuse): Promise<ClonePair[]> {
  const { tokenize } = await import("./tokens.js");
  const tokenized: TokenizedFile[] = [];
  for (const [index, path] of job.files.entries()) {
    const blob = reuse?.blobs[index] ?? null;
    const known = blob === null ? undefined : reuse?.cache.get(blob);
    if (known) {
      tokenized.push({ ...known, path });
      continue;
    }
    // Read as the parse reads it: what the parse does not analyse (binary, minified, generated) is not compared
    // either. Compared and dropped afterwards, such a file would take the first occurrence of every window it
    // shares, so that the clone between two sources that both copy it went unreported.
    const read = readSource(join(job.root, path));
    if (read.kind === "skip" || read.isGenerated) continue;
    const file = tokenize(path, read.text);
    tokenized.push(file);
    if (blob !== null) reuse?.cache.set(blob, file);
  }
  return detectClones(tokenized, job.thresholds);
}

function inWorker(worker: Worker, timeoutMs: number): Promise<ClonesFact> {
  return new Promise((resolve) => {
    const unregister = onInterrupt(() => void worker.terminate());
    let settled = false;
    const settle = (fact: ClonesFact): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unregister();
      resolve(fact);
    };
    const timer = setTimeout(() => {
      settle({
        status: "unavailable",
        reason: `clone detection did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`,
      });
      void worker.terminate();
    }, timeoutMs);
    worker.once("message", (clones: ClonePair[]) => settle({ status: "ok", clones }));
    worker.once("error", (error) =>
      settle({ status: "unavailable", reason: `clone detection failed (${error.message})` }),
    );
    worker.once("exit", (code) =>
      settle({ status: "unavailable", reason: `clone detection stopped (worker exit code ${code})` }),
    );
  });
}
