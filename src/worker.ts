/**
 * Groundwork's worker threads (clone detection, deep parses): the compiled
 * script beside the calling module, started without the host's flags.
 *
 * May: start worker threads. May not: decide what they do.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, type ResourceLimits, type Transferable } from "node:worker_threads";

/** How a worker starts: its resource limits, and what `data` holds that moves rather than copies (message ports). */
export interface WorkerStart {
  limits?: ResourceLimits;
  transfer?: Transferable[];
}

/**
 * Starts the worker script `name` (e.g. "./worker.js") next to the module at
 * `base` (its `import.meta.url`); null when there is no compiled script (run
 * from the TypeScript sources, as the tests do), and the caller works on its
 * own thread instead.
 */
export function startWorker(name: string, base: string, data: unknown, start: WorkerStart = {}): Worker | null {
  const script = new URL(name, base);
  if (!existsSync(fileURLToPath(script))) return null;
  // execArgv: []: a worker must not inherit the host's flags (`node --input-type=module -e …` made it fail).
  return new Worker(script, {
    workerData: data,
    execArgv: [],
    transferList: start.transfer ?? [],
    ...(start.limits ? { resourceLimits: start.limits } : {}),
  });
}
