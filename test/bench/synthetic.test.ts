import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/contract/result.js";
// The benchmark's generator is plain JavaScript run by `npm run bench`; its shape is tested here.
// @ts-expect-error -- no type declarations for the script
import { generateRepo } from "../../scripts/bench/synthetic.js";
import { runCli } from "../helpers/cli.js";
import { temporaryDir } from "../helpers/fixtures.js";

interface Manifest {
  files: number;
  sources: number;
  tests: number;
  packages: number;
  documented: number;
  anyParams: number;
  cycles: number;
  cloneCopies: number;
  commits: number;
}

const generate = generateRepo as (dir: string, options: Record<string, number>) => Promise<Manifest>;
const OPTIONS = { files: 500, commits: 30, seed: 7 };
const head = (dir: string) => execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" }).trim();

describe("the benchmark's synthetic repositories", () => {
  it("are deterministic: the same seed gives the same commits, another seed others", async () => {
    const [a, b, c] = [await temporaryDir(), await temporaryDir(), await temporaryDir()];
    await generate(join(a, "repo"), { ...OPTIONS, files: 60 });
    await generate(join(b, "repo"), { ...OPTIONS, files: 60 });
    await generate(join(c, "repo"), { ...OPTIONS, files: 60, seed: 8 });
    expect(head(join(a, "repo"))).toBe(head(join(b, "repo")));
    expect(head(join(a, "repo"))).not.toBe(head(join(c, "repo")));
  });

  it("have the shape they are built with, and the scan measures exactly that", async () => {
    const dir = join(await temporaryDir(), "repo");
    const manifest = await generate(dir, OPTIONS);
    // 500 files: 400 modules and 100 tests in 2 packages (250 modules each at most).
    expect(manifest).toMatchObject({ sources: 400, tests: 100, packages: 2, cycles: 8, cloneCopies: 20, commits: 30 });
    // The generator counts every export; each package's src/index.ts re-exports only a few of them, so
    // the doc-comment check is told to examine every export, as the generator counted them.
    const config = join(await temporaryDir(), "all-exports.json");
    await writeFile(config, JSON.stringify({ rules: { "docs/exported-symbol-doc": { options: { api: "all" } } } }));
    // End to end, as a process: the built CLI and its worker threads on 500 files.
    const run = runCli(["scan", ".", "--format", "json", "--no-cache", "--config", config], dir);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as ScanResult;
    const metrics = (id: string) => result.categories.find((category) => category.id === id)?.metrics ?? {};
    // Modules, tests and one src/index.ts per package.
    expect(result.files.parsed).toBe(400 + 100 + 2);
    expect(metrics("docs")).toMatchObject({ documentedSymbols: manifest.documented });
    expect(metrics("interfaces")).toMatchObject({ anyInSignature: manifest.anyParams });
    expect(metrics("hotspots")).toMatchObject({ commits: 30 });
    // One 2-file cycle every 50 modules, at m7 <-> m8, m57 <-> m58, …: p0 has 250 modules, p1 150.
    const expectedCycles = [
      ...[7, 57, 107, 157, 207].map((local) => ["p0", local]),
      ...[7, 57, 107].map((local) => ["p1", local]),
    ].map(([pkg, local]) => [`packages/${pkg}/src/m${local}.ts`, `packages/${pkg}/src/m${Number(local) + 1}.ts`]);
    const cycles = (metrics("cycles") as { cycles: string[][] }).cycles;
    expect([...cycles].sort()).toEqual(expectedCycles.sort());
    // Ten shared blocks, each copied into two modules (globals 3, 23, …, 383): ten clone pairs, all between those.
    const carriers = new Set(
      Array.from({ length: 20 }, (_, index) => 3 + 20 * index).map((global) =>
        global < 250 ? `packages/p0/src/m${global}.ts` : `packages/p1/src/m${global - 250}.ts`,
      ),
    );
    const pairs = result.findings
      .filter((finding) => finding.ruleId === "duplication/clone")
      .map((finding) => [finding.file, finding.related?.[0]?.file]);
    expect(pairs).toHaveLength(10);
    for (const [a, b] of pairs) {
      expect(carriers.has(a ?? "")).toBe(true);
      expect(carriers.has(b ?? "")).toBe(true);
    }
  }, 60_000);
});
