// Deterministic synthetic repositories for the benchmark: the same options
// give the same files and the same commit ids (git fast-import with fixed
// authors and dates), so numbers from two machines or two days compare.
//
// Shape, by construction (the manifest returned says how many of each):
// - npm workspaces packages/p<k>, about 250 files each, with a package.json,
//   a src/index.ts re-exporting some modules, and src/m<i>.ts modules of
//   45 to 340 lines before edits (4,500 files make about 780k lines) of typed functions, interfaces and classes;
// - imports go to lower-numbered modules of the same package, or to the
//   previous package by its name, so the graph is acyclic except for one
//   planted 2-file cycle every 50 modules (m<i> <-> m<i+1>, i % 50 == 7);
// - a share of exports has a doc comment, a few take `any`;
// - one module in 20 carries a copy of one of ten shared blocks (duplication);
// - one test file per 4 modules (test/m<i>.test.ts), about 20% of the files;
// - history: one commit adding everything, then small commits touching 1 to
//   4 files, skewed towards a few hot files, by four authors.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";

/** Bump when the shape changes, so cached repositories are rebuilt. */
export const GENERATOR_VERSION = 3;

const DEFAULTS = { seed: 1, commits: 300, docShare: 0.6 };
const FILES_PER_PACKAGE = 250;
const CYCLE_EVERY = 50;
const CYCLE_AT = 7;
const CLONE_EVERY = 20;
const CLONE_AT = 3;
const TEST_EVERY = 4;
const AUTHORS = ["Ada Byron", "Grace Hopper", "Linus Pauling", "Barbara Liskov"];
const START = Date.UTC(2026, 0, 5) / 1000;
const WORDS = [
  "order",
  "invoice",
  "ledger",
  "stock",
  "price",
  "tax",
  "route",
  "cart",
  "user",
  "token",
  "batch",
  "queue",
  "report",
  "rate",
  "limit",
  "window",
  "cache",
  "entry",
  "score",
  "share",
  "total",
  "item",
  "region",
  "plan",
  "fee",
  "note",
  "slot",
  "cell",
  "draft",
  "grade",
  "level",
  "phase",
  "chunk",
  "frame",
  "range",
  "sample",
];

/** A small fast PRNG (mulberry32); returns floats in [0, 1). */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG for one purpose, derived from the seed and a list of keys. */
function rngFor(seed, ...keys) {
  let hash = 2166136261 ^ seed;
  for (const char of keys.join("/")) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return prng(hash);
}

const FIELD_TYPES = ["number", "string", "boolean", "number[]", "string | null"];

/** A module's input fields: a varied subset of WORDS, so no two modules share a long identical block by accident. */
function fieldsOf(seed, global) {
  const rng = rngFor(seed, "fields", global);
  const words = [...WORDS].sort(() => rng() - 0.5);
  return words.slice(0, 6 + Math.floor(rng() * 8));
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const int = (rng, low, high) => low + Math.floor(rng() * (high - low + 1));
const name = (rng) => `${pick(rng, WORDS)}${pick(rng, WORDS).replace(/^./, (c) => c.toUpperCase())}${int(rng, 1, 999)}`;

/** The layout of a repository of `files` TypeScript files (sources and tests). */
function layout(files) {
  const tests = Math.floor(files / (TEST_EVERY + 1));
  const sources = files - tests;
  const packages = [];
  for (let start = 0; start < sources; start += FILES_PER_PACKAGE)
    packages.push({ index: packages.length, first: start, count: Math.min(FILES_PER_PACKAGE, sources - start) });
  // Tests go to every 4th module until the test budget is spent.
  const tested = new Set();
  for (let module = 0; module < sources && tested.size < tests; module += TEST_EVERY) tested.add(module);
  for (let module = 1; tested.size < tests; module += TEST_EVERY) tested.add(module);
  return { sources, tests, packages, tested };
}

function moduleOf(global, packages) {
  const pkg = packages[Math.floor(global / FILES_PER_PACKAGE)];
  return { pkg, local: global - pkg.first };
}

const isCycleStart = (local, count) => local % CYCLE_EVERY === CYCLE_AT && local + 1 < count;
const isCycleEnd = (local, count) => local > 0 && isCycleStart(local - 1, count);

/** One function's body: statements from templates with varied names and literals (no accidental clones). */
function functionBody(rng, params, calls) {
  const lines = [];
  const acc = name(rng);
  lines.push(`  let ${acc} = ${int(rng, 0, 90)};`);
  const statements = int(rng, 3, 9);
  for (let n = 0; n < statements; n += 1) {
    const v = name(rng);
    switch (int(rng, 0, 5)) {
      case 0:
        lines.push(`  const ${v} = ${params[0]}.${pick(rng, WORDS)} * ${int(rng, 2, 97)} + ${acc};`);
        lines.push(`  ${acc} += ${v} % ${int(rng, 3, 51)};`);
        break;
      case 1:
        lines.push(`  if (${acc} > ${int(rng, 10, 900)}) {`);
        lines.push(`    ${acc} = Math.floor(${acc} / ${int(rng, 2, 9)});`);
        lines.push(`  } else if (${params[0]}.${pick(rng, WORDS)} < ${int(rng, 1, 50)}) {`);
        lines.push(`    ${acc} -= ${int(rng, 1, 30)};`);
        lines.push("  }");
        break;
      case 2:
        lines.push(`  for (let ${v} = 0; ${v} < ${int(rng, 2, 12)}; ${v} += 1) {`);
        lines.push(`    ${acc} = (${acc} * ${int(rng, 3, 31)} + ${v}) % ${int(rng, 1000, 99999)};`);
        lines.push("  }");
        break;
      case 3:
        if (calls.length > 0) {
          lines.push(
            `  const ${v} = ${pick(rng, calls)}({ ${pick(rng, WORDS)}: ${acc}, id: "${name(rng)}" }, ${int(rng, 1, 9)});`,
          );
          lines.push(`  ${acc} += typeof ${v} === "number" ? ${v} : ${int(rng, 1, 7)};`);
        } else {
          lines.push(`  ${acc} ^= ${int(rng, 1, 4095)};`);
        }
        break;
      case 4:
        lines.push(
          `  const ${v} = [${int(rng, 1, 9)}, ${int(rng, 10, 99)}, ${acc}].map((value) => value * ${int(rng, 2, 8)});`,
        );
        lines.push(`  ${acc} = ${v}.reduce((sum, value) => sum + value, ${acc}) % ${int(rng, 500, 5000)};`);
        break;
      default:
        lines.push(`  switch (${acc} % ${int(rng, 3, 5)}) {`);
        lines.push(`    case 0:`);
        lines.push(`      ${acc} += ${int(rng, 1, 99)};`);
        lines.push(`      break;`);
        lines.push(`    default:`);
        lines.push(`      ${acc} -= ${int(rng, 1, 99)};`);
        lines.push("  }");
    }
  }
  lines.push(`  return ${acc};`);
  return lines;
}

/** The shared blocks copied into one module in 20 (the duplication jscpd must find). */
function sharedBlocks(seed) {
  return Array.from({ length: 10 }, (_, index) => {
    const rng = rngFor(seed, "block", index);
    return [
      `export function sharedBlock${index}(input: { total: number; count: number }): number {`,
      ...functionBody(rng, ["input"], []),
      ...functionBody(rng, ["input"], []).slice(1, -1),
      "}",
    ];
  });
}

/** Facts a reader can count in one module, by construction. */
function moduleSource(options, plan, global, revision, blocks) {
  const { seed, docShare } = options;
  const { pkg, local } = moduleOf(global, plan.packages);
  const rng = rngFor(seed, "module", global);
  const facts = { exports: 0, documented: 0, anyParams: 0 };
  const lines = [];
  const imports = [];
  if (local > 0) {
    const count = Math.min(local, int(rng, 1, 4));
    const targets = new Set();
    for (let n = 0; n < count; n += 1) targets.add(int(rng, Math.max(0, local - 40), local - 1));
    for (const target of [...targets].sort((a, b) => a - b))
      imports.push({ from: `./m${target}`, fn: `m${pkg.first + target}_run` });
  }
  // The planted cycle: m<i> imports m<i+1>, which always imports m<i> back.
  if (isCycleEnd(local, pkg.count) && !imports.some((entry) => entry.from === `./m${local - 1}`))
    imports.unshift({ from: `./m${local - 1}`, fn: `m${global - 1}_run` });
  if (isCycleStart(local, pkg.count)) imports.push({ from: `./m${local + 1}`, fn: `m${global + 1}_run` });
  if (pkg.index > 0 && rng() < 0.2) imports.push({ from: `@synth/p${pkg.index - 1}`, fn: `p${pkg.index - 1}_entry` });
  for (const entry of imports) lines.push(`import { ${entry.fn} } from "${entry.from}";`);
  if (imports.length > 0) lines.push("");
  const calls = imports.map((entry) => entry.fn);
  const shape = `M${global}Input`;
  const document = (text) => {
    facts.exports += 1;
    if (rng() < docShare) {
      facts.documented += 1;
      lines.push("/**", ` * ${text}`, " */");
    }
  };
  document(`The input of module ${global}'s functions.`);
  lines.push(`export interface ${shape} {`, "  id: string;");
  for (const field of fieldsOf(seed, global)) lines.push(`  ${field}: ${pick(rng, FIELD_TYPES)};`);
  lines.push("}", "");
  const target = int(rng, 45, 340);
  const functions = [`m${global}_run`];
  let index = 0;
  const addFunction = (fnName, fnRng) => {
    const untyped = fnRng() < 0.05;
    if (untyped) facts.anyParams += 1;
    document(`Computes the ${pick(fnRng, WORDS)} ${pick(fnRng, WORDS)} of an input.`);
    lines.push(`export function ${fnName}(input: ${untyped ? "any" : shape}, scale: number): number {`);
    lines.push(
      ...functionBody(
        fnRng,
        ["input"],
        calls.filter(() => fnRng() < 0.5),
      ),
    );
    lines.push("}", "");
  };
  addFunction(functions[0], rng);
  while (lines.length < target) {
    index += 1;
    if (index % 5 === 0) {
      const className = `M${global}Worker${index}`;
      document(`Keeps the ${pick(rng, WORDS)} state of module ${global}.`);
      const [list, adder, sum] = [name(rng), name(rng), name(rng)];
      lines.push(`export class ${className} {`, `  private readonly ${list}: number[] = [];`, "");
      lines.push(
        `  ${adder}(value: number): this {`,
        `    this.${list}.push(value * ${int(rng, 2, 9)});`,
        "    return this;",
        "  }",
        "",
      );
      lines.push(
        `  get ${sum}(): number {`,
        `    return this.${list}.reduce((total, value) => total + value, ${int(rng, 0, 9)});`,
        "  }",
      );
      lines.push("}", "");
    } else {
      addFunction(`m${global}_${name(rng)}`, rng);
    }
  }
  if (global % CLONE_EVERY === CLONE_AT) {
    const block = blocks[Math.floor(global / CLONE_EVERY) % blocks.length];
    facts.exports += 1;
    lines.push(...block.map((line) => line.replace(/sharedBlock(\d+)/, `sharedBlock$1In${global}`)), "");
  }
  for (let edit = 1; edit <= revision; edit += 1)
    addFunction(`m${global}_edit${edit}`, rngFor(seed, "edit", global, edit));
  return { text: `${lines.join("\n")}\n`, facts };
}

function testSource(seed, global, local) {
  const rng = rngFor(seed, "test", global);
  // Drawn and not used: later draws, and so the generated repositories, stay those of earlier versions.
  const _input = fieldsOf(seed, global).map((field) => `${field}: ${int(rng, 1, 999)}`);
  return [
    'import { describe, expect, it } from "vitest";',
    `import { m${global}_run } from "../src/m${local}";`,
    "",
    `describe("m${global}_run", () => {`,
    '  it("returns a number", () => {',
    `    const input = { id: "t${global}", ${WORDS.slice(0, 12)
      .map((word, n) => `${word}: ${n + 1}`)
      .join(", ")} };`,
    `    expect(typeof m${global}_run(input, 2)).toBe("number");`,
    "  });",
    "});",
    "",
  ].join("\n");
}

function packageIndex(pkg) {
  const lines = [`export { m${pkg.first}_run as p${pkg.index}_entry } from "./m0";`];
  for (let local = 1; local < pkg.count; local += 25)
    lines.push(`export { m${pkg.first + local}_run } from "./m${local}";`);
  return `${lines.join("\n")}\n`;
}

function staticFiles(plan) {
  const files = new Map();
  files.set(
    "package.json",
    `${JSON.stringify({ name: "synthetic-monorepo", private: true, workspaces: ["packages/*"], scripts: { build: "tsc -b", test: "vitest run", lint: "eslint ." } }, null, 2)}\n`,
  );
  files.set(
    "tsconfig.json",
    `${JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", target: "es2022" } }, null, 2)}\n`,
  );
  files.set(".gitignore", "node_modules/\ndist/\n");
  files.set(
    "README.md",
    "# Synthetic monorepo\n\nGenerated by Groundwork's benchmark. Run `npm test` to test and `npm run build` to build.\n",
  );
  for (const pkg of plan.packages) {
    const dir = `packages/p${pkg.index}`;
    files.set(
      `${dir}/package.json`,
      `${JSON.stringify({ name: `@synth/p${pkg.index}`, version: "1.0.0", main: "src/index.ts" }, null, 2)}\n`,
    );
    files.set(`${dir}/src/index.ts`, packageIndex(pkg));
  }
  return files;
}

function pathOf(global, plan) {
  const { pkg, local } = moduleOf(global, plan.packages);
  return `packages/p${pkg.index}/src/m${local}.ts`;
}

function testPathOf(global, plan) {
  const { pkg, local } = moduleOf(global, plan.packages);
  return `packages/p${pkg.index}/test/m${local}.test.ts`;
}

/** The commits after the first: which modules each touches, skewed to a few hot files. */
function commitPlan(options, plan) {
  const rng = rngFor(options.seed, "history");
  return Array.from({ length: Math.max(0, options.commits - 1) }, () => {
    const touched = new Set();
    const count = int(rng, 1, 4);
    for (let n = 0; n < count; n += 1) touched.add(Math.floor(plan.sources * rng() ** 3));
    return { author: pick(rng, AUTHORS), modules: [...touched].sort((a, b) => a - b) };
  });
}

/**
 * Writes the repository into `dir` (which must not exist) and returns its
 * manifest: what was planted, counted while writing.
 */
export async function generateRepo(dir, options) {
  const opts = { ...DEFAULTS, ...options };
  const plan = layout(opts.files);
  const blocks = sharedBlocks(opts.seed);
  const history = commitPlan(opts, plan);
  mkdirSync(dir, { recursive: true });
  run("git", ["init", "-q", "-b", "main"], dir);
  const importer = spawn("git", ["fast-import", "--quiet", "--done"], {
    cwd: dir,
    stdio: ["pipe", "inherit", "inherit"],
  });
  const exited = once(importer, "close");
  const write = async (text) => {
    if (!importer.stdin.write(text)) await once(importer.stdin, "drain");
  };
  const writeFile = async (path, text) => {
    await write(`M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  };
  const commitHeader = async (number, author, message) => {
    const when = `${START + number * 6 * 3600} +0000`;
    const email = `${author.split(" ")[0].toLowerCase()}@example.com`;
    await write(
      `commit refs/heads/main\nauthor ${author} <${email}> ${when}\ncommitter ${author} <${email}> ${when}\n`,
    );
    await write(`data ${Buffer.byteLength(message)}\n${message}\n`);
  };

  const revisions = new Array(plan.sources).fill(0);
  for (const commit of history) for (const module of commit.modules) revisions[module] += 1;
  const manifest = {
    generator: GENERATOR_VERSION,
    options: opts,
    files: opts.files,
    sources: plan.sources,
    tests: plan.tests,
    packages: plan.packages.length,
    lines: 0,
    exports: 0,
    documented: 0,
    anyParams: 0,
    cycles: 0,
    cloneCopies: 0,
    commits: opts.commits,
  };
  await commitHeader(0, AUTHORS[0], "Initial import");
  for (const [path, text] of staticFiles(plan)) await writeFile(path, text);
  const current = new Array(plan.sources).fill(0);
  for (let global = 0; global < plan.sources; global += 1) {
    const { text } = moduleSource(opts, plan, global, 0, blocks);
    await writeFile(pathOf(global, plan), text);
    if (plan.tested.has(global))
      await writeFile(testPathOf(global, plan), testSource(opts.seed, global, moduleOf(global, plan.packages).local));
  }
  for (const [number, commit] of history.entries()) {
    await commitHeader(number + 1, commit.author, `Change ${commit.modules.map((m) => `m${m}`).join(", ")}`);
    for (const global of commit.modules) {
      current[global] += 1;
      await writeFile(pathOf(global, plan), moduleSource(opts, plan, global, current[global], blocks).text);
    }
  }
  await write("done\n");
  importer.stdin.end();
  const [code] = await exited;
  if (code !== 0) throw new Error(`git fast-import exited ${code} in ${dir}`);
  run("git", ["reset", "-q", "--hard", "main"], dir);

  // Count the final state's facts (the files as checked out).
  for (let global = 0; global < plan.sources; global += 1) {
    const { pkg, local } = moduleOf(global, plan.packages);
    const { text, facts } = moduleSource(opts, plan, global, revisions[global], blocks);
    manifest.lines += text.split("\n").length - 1;
    manifest.exports += facts.exports;
    manifest.documented += facts.documented;
    manifest.anyParams += facts.anyParams;
    if (isCycleEnd(local, pkg.count)) manifest.cycles += 1;
    if (global % CLONE_EVERY === CLONE_AT) manifest.cloneCopies += 1;
  }
  writeFileSync(join(dir, ".git", "synthetic-manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The repository for these options under `cacheDir`, generated once and reused (keyed by every option). */
export async function syntheticRepo(cacheDir, options) {
  const opts = { ...DEFAULTS, ...options };
  const dir = join(
    cacheDir,
    `synthetic-v${GENERATOR_VERSION}-${opts.files}f-${opts.commits}c-s${opts.seed}-d${opts.docShare}`,
  );
  const marker = join(dir, ".git", "synthetic-manifest.json");
  if (existsSync(marker)) return { dir, manifest: JSON.parse(readFileSync(marker, "utf8")) };
  rmSync(dir, { recursive: true, force: true });
  const manifest = await generateRepo(dir, opts);
  return { dir, manifest };
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}: ${result.stderr}`);
  return result.stdout;
}
