#!/usr/bin/env node
// The scan benchmark (the README's performance targets, checked here and not in
// timed tests). For each repository — synthetic ones generated from a seed
// (scripts/bench/synthetic.js) and any real ones given as paths — it runs the
// CLI as a user would (a fresh process each time) and reports:
//   cold   a scan with no cache (.groundwork/cache removed first; it is then written)
//   warm   the same scan again, nothing changed, cache present
//   peak   the highest resident memory of the scan's whole process tree
//          (Node plus jscpd and git), sampled from /proc every 20 ms
//   files/s  parsed files per cold second
//   floor  reading and parsing every file once with the same parser, nothing kept
//   stages each stage's share of the cold scan (its --timing line)
//
//   npm run bench                                  500, 5,000 and 20,000 files
//   npm run bench -- --sizes 4500 --runs 3         the target size, median of 3
//   npm run bench -- ../some/repo --json out.json  a real repository; JSON to a file
//
// Synthetic repositories are generated once under --work (default: the OS temp
// folder) and reused; the same seed gives the same repository, commit ids included.
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Table from "cli-table3";
import { syntheticRepo } from "./bench/synthetic.js";

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, "..", "bin", "groundwork.js");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sizes: { type: "string" },
    seed: { type: "string", default: "1" },
    commits: { type: "string", default: "300" },
    runs: { type: "string", default: "1" },
    work: { type: "string", default: join(tmpdir(), "groundwork-bench") },
    json: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  process.stdout.write(
    readFileSync(fileURLToPath(import.meta.url), "utf8")
      .split("\n")
      .slice(1, 22)
      .join("\n") + "\n",
  );
  process.exit(0);
}

const sizes = (values.sizes ?? (positionals.length > 0 ? "" : "500,5000,20000")).split(",").filter(Boolean).map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 10))
  fail(`--sizes ${values.sizes}: expected numbers of files, e.g. 500,5000`);
const runs = Number(values.runs);

const rows = [];
for (const size of sizes) {
  process.stderr.write(`bench: preparing the synthetic repository of ${size} files…\n`);
  const { dir, manifest } = await syntheticRepo(values.work, {
    files: size,
    seed: Number(values.seed),
    commits: Number(values.commits),
  });
  rows.push(await measure(`synthetic ${size}`, dir, manifest));
}
for (const path of positionals) rows.push(await measure(path, resolve(path), null));

printTable(rows);
if (values.json) {
  const report = { machine: machine(), runs, rows };
  if (values.json === "-") process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
}

async function measure(label, dir, manifest) {
  process.stderr.write(`bench: ${label}: parse floor, then ${runs} cold and ${runs} warm scan(s)…\n`);
  const floor = JSON.parse(run(process.execPath, [join(here, "bench", "floor.js"), dir]).stdout);
  const cold = [];
  const warm = [];
  for (let index = 0; index < runs; index += 1) {
    rmSync(join(dir, ".groundwork", "cache"), { recursive: true, force: true });
    cold.push(await scan(dir));
    warm.push(await scan(dir));
  }
  const coldRun = medianBy(cold, (entry) => entry.seconds);
  const warmRun = medianBy(warm, (entry) => entry.seconds);
  return {
    label,
    dir,
    files: coldRun.parsed,
    lines: floor.lines,
    commits: manifest?.commits ?? null,
    coldSeconds: round(coldRun.seconds),
    warmSeconds: round(warmRun.seconds),
    peakMB: Math.round(Math.max(...cold.map((entry) => entry.peakMB))),
    warmPeakMB: Math.round(Math.max(...warm.map((entry) => entry.peakMB))),
    filesPerSecond: Math.round(coldRun.parsed / coldRun.seconds),
    floorSeconds: round(floor.seconds),
    ratioToFloor: round(coldRun.seconds / floor.seconds),
    stages: coldRun.stages,
    warmStages: warmRun.stages,
  };
}

/** One `groundwork scan` in a fresh process: wall time, peak tree memory, stage times, files parsed. */
async function scan(dir) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, "scan", dir, "--format", "json", "--timing", "--quiet"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 20);
  const code = await new Promise((done) => child.on("close", done));
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) fail(`groundwork scan ${dir} exited ${code}: ${stderr.trim()}`);
  const timing = stderr.split("\n").find((line) => line.startsWith("timing: "));
  const stages = Object.fromEntries(
    (timing ?? "")
      .slice("timing: ".length)
      .split(" · ")
      .map((part) => /^(.*) (\d+) ms$/.exec(part))
      .filter(Boolean)
      .map((match) => [match[1], Number(match[2])]),
  );
  return { seconds, peakMB: peak / 1024, stages, parsed: JSON.parse(stdout).files.parsed };
}

/** Resident memory (KB) of a process and all its descendants, from /proc. */
function treeRss(pid) {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop();
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) pending.push(...children.split(" ").map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

function printTable(list) {
  const table = new Table({
    style: { head: [], border: [] },
    head: [
      "repository",
      "files",
      "lines",
      "cold s",
      "warm s",
      "peak MB",
      "files/s",
      "floor s",
      "cold/floor",
      "largest stages (cold)",
    ],
  });
  for (const row of list) {
    const total = row.stages.total ?? row.coldSeconds * 1000;
    const shares = Object.entries(row.stages)
      .filter(([stage]) => stage !== "total")
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([stage, ms]) => `${stage} ${Math.round((ms / total) * 100)}%`)
      .join(", ");
    table.push([
      row.label,
      row.files,
      row.lines,
      row.coldSeconds,
      row.warmSeconds,
      row.peakMB,
      row.filesPerSecond,
      row.floorSeconds,
      `${row.ratioToFloor}x`,
      shares,
    ]);
  }
  process.stdout.write(`${table.toString()}\n`);
  for (let index = 1; index < list.length; index += 1) {
    const [small, large] = [list[index - 1], list[index]];
    if (!small.label.startsWith("synthetic") || !large.label.startsWith("synthetic")) continue;
    const files = large.files / small.files;
    process.stdout.write(
      `growth ${small.label} → ${large.label}: ${files.toFixed(2)}x files, ${(large.coldSeconds / small.coldSeconds).toFixed(2)}x time, ${(large.peakMB / small.peakMB).toFixed(2)}x memory\n`,
    );
  }
}

function machine() {
  return {
    node: process.version,
    cpus: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
  };
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result;
}

function medianBy(list, key) {
  return [...list].sort((a, b) => key(a) - key(b))[Math.floor(list.length / 2)];
}

function round(value) {
  return Math.round(value * 100) / 100;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
