/**
 * Files nested too deeply for the main thread's stack (generated parsers,
 * 5,000 nested brackets) parsed again in a worker thread with a 64 MB stack,
 * which follows 20,000 levels. Rare, so one short-lived worker per scan.
 *
 * May: start one worker thread. May not: read files.
 */
import { startWorker } from "../../worker.js";
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
  const worker = startWorker("./deep-worker.js", import.meta.url, files, { limits: { stackSizeMb: STACK_MB } });
  if (worker === null) return null;
  return new Promise((resolve) => {
    let result: ModuleFacts[] | null = null;
    worker.once("message", (message: ModuleFacts[]) => {
      result = message;
    });
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(result));
  });
}
