/**
 * Cleanup on interrupt: temporary folders and child processes register an
 * undo step here, so Ctrl-C (SIGINT) or SIGTERM during a scan leaves nothing
 * behind. The steps are synchronous because the process ends right after them.
 *
 * May: remove what its callers registered, kill the process groups they started.
 * May not: exit the process (bin/groundwork.js does, after `runCleanups`).
 */
import { rmSync } from "node:fs";

type Step = () => void;

const steps = new Set<Step>();

/** Registers a step to run on interrupt; returns the function that unregisters it (call it once done). */
export function onInterrupt(step: Step): () => void {
  steps.add(step);
  return () => {
    steps.delete(step);
  };
}

/** Registers a temporary folder for removal on interrupt. */
export function removeOnInterrupt(dir: string): () => void {
  return onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
}

/** Runs every registered step, newest first; a step that fails does not stop the others. */
export function runCleanups(): void {
  for (const step of [...steps].reverse()) {
    try {
      step();
    } catch {
      // best effort: the process is ending
    }
  }
  steps.clear();
}
