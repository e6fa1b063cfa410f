/**
 * Worker entry of the built-in clone detector: compares the files it is given
 * and posts the clone pairs back (a few kilobytes; the tokens stay here). Then,
 * the second core free and TypeScript loaded, it helps the main thread parse
 * (modules/share.ts) when asked to.
 *
 * May: read the job's files, parse the files it claims. May not: print.
 */
import { parentPort, workerData } from "node:worker_threads";
import { findClones, type CloneWorkerData } from "./index.js";

// Started early (startCloneWorker), the job comes as a message: the scanner loads meanwhile.
const tokenizer = import("./tokens.js");
// workerData is what startCloneWorker, in this build, passed.
// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
const given = workerData as CloneWorkerData | null;
const { job, help } = given ?? (await new Promise<CloneWorkerData>((resolve) => parentPort?.once("message", resolve)));
await tokenizer;
parentPort?.postMessage(await findClones(job));
if (help) (await import("../modules/help.js")).helpParse(help);
