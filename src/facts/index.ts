/**
 * Facts: everything rules may know about the repository, collected once per scan.
 *
 * May: read files, run git and child processes, through the producers.
 * May not: report findings, score, print, or exit.
 */
export * from "./types.js";
export { collectFacts } from "./collect.js";
export { startCloneWorker } from "./clones/index.js";
