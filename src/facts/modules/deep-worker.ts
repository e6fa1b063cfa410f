/**
 * Worker entry of deep.ts: parses the files it is given on its large stack and
 * posts their facts back.
 *
 * May: parse. May not: read files, print.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { DeepFile } from "./deep.js";
import { parseModule } from "./parse.js";

// workerData is what the deep parse, in this build, passed.
// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
const files = workerData as DeepFile[];
parentPort?.postMessage(files.map((file) => parseModule(file.path, file.kind, file.text)));
