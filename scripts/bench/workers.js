// Do worker threads pay on this machine? Parses every source and test file of
// a repository with the scan's own parseModule (read, parse, facts out, AST
// dropped), once on the main thread and once split over N worker threads whose
// facts come back by structured clone, as a threaded scan would have to.
//
//   npm run build && node scripts/bench/workers.js REPO [--workers 2] [--runs 3]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const here = dirname(fileURLToPath(import.meta.url));
const parseUrl = pathToFileURL(join(here, "..", "..", "dist", "src", "facts", "modules", "parse.js")).href;
const EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

if (!isMainThread) {
  const { parseModule } = await import(parseUrl);
  const { root, files } = workerData;
  const facts = files.map((path) => parseModule(path, "source", readFileSync(join(root, path), "utf8")));
  parentPort.postMessage(facts);
} else {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { workers: { type: "string", default: "2" }, runs: { type: "string", default: "3" } },
  });
  const root = positionals[0];
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 })
    .split("\0")
    .filter((path) => EXTENSIONS.test(path) && !path.includes("node_modules/"));
  const { parseModule } = await import(parseUrl);

  const single = () => files.map((path) => parseModule(path, "source", readFileSync(join(root, path), "utf8")));
  const threaded = async (count) => {
    const shares = Array.from({ length: count }, (_, index) => files.filter((_, n) => n % count === index));
    const results = await Promise.all(
      shares.map(
        (share) =>
          new Promise((done, fail) => {
            const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { root, files: share } });
            worker.once("message", done);
            worker.once("error", fail);
          }),
      ),
    );
    return results.flat();
  };

  const time = async (work) => {
    const started = performance.now();
    const facts = await work();
    return { seconds: (performance.now() - started) / 1000, facts: facts.length };
  };
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const main = [];
  const workers = [];
  for (let run = 0; run < Number(values.runs); run += 1) {
    main.push((await time(single)).seconds);
    workers.push((await time(() => threaded(Number(values.workers)))).seconds);
  }
  const report = {
    repo: root,
    files: files.length,
    mainThreadSeconds: Math.round(median(main) * 100) / 100,
    workerSeconds: Math.round(median(workers) * 100) / 100,
    workers: Number(values.workers),
  };
  report.speedup = Math.round((report.mainThreadSeconds / report.workerSeconds) * 100) / 100;
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
