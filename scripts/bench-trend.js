#!/usr/bin/env node
// Trend backfill benchmark: wall time of `groundwork trend --backfill N` against
// one cold `groundwork scan` of the same repository, each run as a user would
// (a fresh process), alternated and repeated so machine noise hits both alike.
//
//   npm run build && node scripts/bench-trend.js REPO [--commits 20] [--runs 3]
//
// Prints a table and, with --json, one JSON object. Target (README, Performance): the
// backfill of 20 commits under 3x one cold scan.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const bin = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "groundwork.js");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    commits: { type: "string", default: "20" },
    runs: { type: "string", default: "3" },
    json: { type: "boolean" },
  },
});
const repo = positionals[0];
if (!repo) {
  process.stderr.write("usage: node scripts/bench-trend.js REPO [--commits 20] [--runs 3] [--json]\n");
  process.exit(2);
}

function timed(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`groundwork ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return seconds;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const cold = [];
const backfill = [];
for (let run = 0; run < Number(values.runs); run += 1) {
  cold.push(timed(["scan", repo, "--no-cache", "--format", "json"]));
  backfill.push(timed(["trend", repo, "--backfill", values.commits, "--format", "json"]));
}
const result = {
  repo,
  commits: Number(values.commits),
  runs: Number(values.runs),
  coldScanSeconds: median(cold),
  backfillSeconds: median(backfill),
  ratio: Math.round((median(backfill) / median(cold)) * 100) / 100,
};
if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
else
  process.stdout.write(
    `${repo}\n  cold scan            ${result.coldScanSeconds.toFixed(2)} s (median of ${result.runs})\n` +
      `  backfill ${String(result.commits).padEnd(3)} commits  ${result.backfillSeconds.toFixed(2)} s\n` +
      `  ratio                ${result.ratio}x (target under 3x)\n`,
  );
