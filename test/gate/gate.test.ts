import { appendFile, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliAsync, runCliInProcess } from "../helpers/cli.js";
import { copyFixture, REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { commitAll, git, initRepo } from "../helpers/git.js";

// fixtures/scan/known-counts scores 74.2 outside git, with docs 44 and context 36 (see test/score/score.test.ts).
describe("thresholds", () => {
  it("exits 1 with one line per failed gate, saying the figure and the threshold", async () => {
    const dir = await copyFixture("scan/known-counts");
    const run = await runCliInProcess(
      ["scan", dir, "--format", "json", "--min-score", "80", "--min", "docs=60", "--min", "interfaces=50"],
      REPO_ROOT,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "groundwork: gate failed: overall score 74.2 is below the minimum 80\ngroundwork: gate failed: docs score 44 is below the minimum 60\n",
    );
    expect(JSON.parse(run.stdout).score).toBe(74.2);
  });

  it("passes when every threshold holds", async () => {
    const run = await runCliInProcess(
      ["scan", await copyFixture("scan/known-counts"), "--format", "json", "--min-score", "74", "--min", "docs=40"],
      REPO_ROOT,
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("reads the gate from the config, the command line winning", async () => {
    const dir = await copyFixture("scan/known-counts");
    await writeFile(
      join(dir, "groundwork.config.json"),
      JSON.stringify({ gate: { minScore: 90, min: { context: 40 } } }),
    );
    const fromConfig = await runCliInProcess(["scan", dir, "--format", "json"], REPO_ROOT);
    expect(fromConfig.status).toBe(1);
    expect(fromConfig.stderr).toBe(
      "groundwork: gate failed: overall score 74.2 is below the minimum 90\ngroundwork: gate failed: context score 36 is below the minimum 40\n",
    );
    const overridden = await runCliInProcess(
      ["scan", dir, "--format", "json", "--min-score", "70", "--min", "context=30"],
      REPO_ROOT,
    );
    expect(overridden.status).toBe(0);
  });

  it("notes a minimum on a category that does not apply instead of failing", async () => {
    const run = await runCliInProcess(
      ["scan", await copyFixture("scan/known-counts"), "--format", "json", "--min", "hotspots=90"],
      REPO_ROOT,
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "groundwork: note: hotspots is not applicable (not a git repository): its minimum 90 is not checked\n",
    );
  });

  it.each([
    [
      ["--min-score", "101"],
      "groundwork: error: option '--min-score <n>' argument '101' is invalid. expected a number from 0 to 100.\n",
    ],
    [
      ["--min", "speed=5"],
      "groundwork: error: option '--min <category=n>' argument 'speed=5' is invalid. expected CATEGORY=N with CATEGORY one of interfaces, docs, tests, cycles, duplication, hotspots, context.\n",
    ],
    [
      ["--fail-on", "new"],
      "groundwork: error: --fail-on new needs a baseline: give --baseline FILE or --baseline-ref REF\n",
    ],
    [
      ["--max-drop", "1"],
      "groundwork: error: --max-drop needs a baseline: give --baseline FILE or --baseline-ref REF\n",
    ],
  ])("rejects %j with exit 2", async (args, message) => {
    const run = await runCliInProcess(["scan", await copyFixture("scan/known-counts"), ...args], REPO_ROOT);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(message);
  });

  it("notes the config's baseline gates as not checked when there is no baseline, and passes", async () => {
    const dir = await copyFixture("scan/known-counts");
    await writeFile(join(dir, "groundwork.config.json"), JSON.stringify({ gate: { failOn: "new", maxDrop: 1 } }));
    const run = await runCliInProcess(["scan", dir, "--quiet"], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      'groundwork: note: the config\'s gate.failOn "new" is not checked: no baseline\n' +
        "groundwork: note: the config's gate.maxDrop is not checked: no baseline\n",
    );
  });
});

const NEW_EXPORT =
  '\nexport function cancelOrder(id: number): number {\n  if (id < 0) throw new RangeError("id");\n  return id;\n}\n';

describe("baselines", () => {
  it("--baseline FILE --fail-on new fails only on findings the baseline does not have", async () => {
    const dir = await copyFixture("scan/known-counts");
    const baseline = join(dir, "..", `${dir.split("/").pop()}-baseline.json`);
    expect((await runCliInProcess(["scan", dir, "--format", "json", "--output", baseline], REPO_ROOT)).status).toBe(0);

    const unchanged = await runCliInProcess(
      ["scan", dir, "--format", "json", "--baseline", baseline, "--fail-on", "new"],
      REPO_ROOT,
    );
    expect(unchanged.status).toBe(0);
    expect(JSON.parse(unchanged.stdout).baseline).toMatchObject({ new: 0, fixed: 0, unchanged: 10, scoreDelta: 0 });

    await appendFile(join(dir, "src/orders.ts"), NEW_EXPORT);
    const changed = await runCliInProcess(
      ["scan", dir, "--format", "json", "--baseline", baseline, "--fail-on", "new"],
      REPO_ROOT,
    );
    expect(changed.status).toBe(1);
    expect(changed.stderr).toBe(
      "groundwork: gate failed: 1 new finding not in the baseline, first at src/orders.ts:21 (docs/exported-symbol-doc)\n",
    );
    const result = JSON.parse(changed.stdout);
    expect(result.baseline).toMatchObject({ new: 1, fixed: 0, unchanged: 10 });
    expect(
      result.findings
        .filter((finding: { status: string }) => finding.status === "new")
        .map((finding: { ruleId: string }) => finding.ruleId),
    ).toEqual(["docs/exported-symbol-doc"]);
  });

  it("--max-drop fails when the score fell more than allowed", async () => {
    const dir = await copyFixture("scan/known-counts");
    const baseline = join(dir, "..", `${dir.split("/").pop()}-drop.json`);
    await runCliInProcess(["scan", dir, "--format", "json", "--output", baseline], REPO_ROOT);
    await appendFile(join(dir, "src/orders.ts"), NEW_EXPORT);
    // cancelOrder is typed and has one parameter: interfaces rise to (3×100 + 3×75 + 1×75 + 3×100) / 10 = 90;
    // it is undocumented: docs fall to (7×33.3 + 50) / 7.5 = 37.8. Overall (1350 + 566.7 + 2000 + 1000 + 1000 + 720) / 90
    // = 73.7, from 74.2: a drop of 0.5.
    expect(
      (await runCliInProcess(["scan", dir, "--format", "json", "--baseline", baseline, "--max-drop", "1"], REPO_ROOT))
        .status,
    ).toBe(0);
    const run = await runCliInProcess(
      ["scan", dir, "--format", "json", "--baseline", baseline, "--max-drop", "0.2"],
      REPO_ROOT,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "groundwork: gate failed: the score fell 0.5 points (from 74.2 to 73.7), more than the 0.2 allowed\n",
    );
  });

  it("--baseline-ref scans the commit from git objects and leaves the working tree, index and temp folder alone", async () => {
    const dir = await copyFixture("scan/known-counts");
    initRepo(dir);
    const base = commitAll(dir, "base", "2026-01-01T12:00:00Z");
    await appendFile(join(dir, "src/orders.ts"), NEW_EXPORT);
    commitAll(dir, "add cancelOrder", "2026-01-02T12:00:00Z");
    await writeFile(join(dir, "notes.txt"), "uncommitted\n");
    const statusBefore = git(dir, ["status", "--porcelain"]);
    const indexBefore = await readFile(join(dir, ".git/index"));
    // A process with a temporary folder of its own: other test files running at the same time make snapshots
    // in the shared one, and TMPDIR is read from the process's environment.
    const ownTmp = await temporaryDir();

    const run = await runCliAsync(
      ["scan", dir, "--format", "json", "--baseline-ref", "HEAD~1", "--fail-on", "new"],
      REPO_ROOT,
      { TMPDIR: ownTmp },
    );
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).baseline).toMatchObject({ source: "HEAD~1", commit: base, new: 1 });

    expect(git(dir, ["status", "--porcelain"])).toBe(statusBefore);
    expect(await readFile(join(dir, ".git/index"))).toEqual(indexBefore);
    expect(await readdir(ownTmp)).toEqual([]);
  });

  it.each([
    [["--baseline", "missing.json"], "groundwork: error: baseline missing.json: no such file\n"],
    [["--baseline-ref", "no-such-ref"], null],
    [
      ["--baseline", "package.json"],
      "groundwork: error: baseline package.json: not a Groundwork `--format json` result of this version (schemaVersion: Invalid input: expected 1)\n",
    ],
  ])("rejects a bad baseline %j with exit 2", async (args, message) => {
    const dir = await copyFixture("scan/known-counts");
    const run = await runCliInProcess(["scan", ".", ...args], dir);
    expect(run.status).toBe(2);
    if (message) expect(run.stderr).toBe(message);
    else expect(run.stderr).toMatch(/^groundwork: error: no-such-ref: not a commit of the git repository at .+\n$/);
  });
});
