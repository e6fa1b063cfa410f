/**
 * Worker entry of the built-in clone detector: compares the files it is given
 * and posts the clone pairs back (a few kilobytes; the tokens stay here).
 *
 * May: read the job's files. May not: print.
 */
import { parentPort, workerData } from "node:worker_threads";
import { findClones, type CloneJob } from "./index.js";

parentPort?.postMessage(await findClones(workerData as CloneJob));
