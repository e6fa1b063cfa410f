/**
 * Files nested too deeply for the main thread's stack (generated parsers,
 * 5,000 nested brackets) parsed again in a worker thread with a 64 MB stack,
 * which follows 20,000 levels. Rare, so one short-lived worker per scan.
 *
 * May: start one worker thread. May not: read files.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ModuleFacts } from "./types.js";

/** One file to parse again. */
export interface DeepFile {
  path: string;
  kind: "source" | "test";
  text: string;
}

const STACK_MB = 64;

/**
 * Parses `files` in a worker with a large stack; null when no worker could run
 * (the caller keeps its "too deep" outcome). Results are in the order given.
 */
export async function parseOnLargeStack(files: readonly DeepFile[]): Promise<ModuleFacts[] | null> {
  // The worker is the compiled deep-worker.js beside this file; run from TypeScript sources there is none.
  const script = new URL("./deep-worker.js", import.meta.url);
  if (!existsSync(fileURLToPath(script))) return null;
  return new Promise((resolve) => {
    // execArgv: []: the worker must not inherit the host's flags (`node --input-type=module -e …` made it fail).
    const worker = new Worker(script, {
      workerData: files,
      execArgv: [],
      resourceLimits: { stackSizeMb: STACK_MB },
    });
    let result: ModuleFacts[] | null = null;
    worker.once("message", (message: ModuleFacts[]) => {
      result = message;
    });
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(result));
  });
}
