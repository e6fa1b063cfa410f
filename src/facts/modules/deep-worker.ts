/**
 * Worker entry of deep.ts: parses the files it is given on its large stack and
 * posts their facts back.
 *
 * May: parse. May not: read files, print.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { DeepFile } from "./deep.js";
import { parseModule } from "./parse.js";

const files = workerData as DeepFile[];
parentPort?.postMessage(files.map((file) => parseModule(file.path, file.kind, file.text)));
