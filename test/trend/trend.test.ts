import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/index.js";
import { toTrendPoint, type TrendPoint } from "../../src/trend/point.js";
import { runCli, runCliInProcess } from "../helpers/cli.js";
import { REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { git } from "../helpers/git.js";
import { buildTrendHistory, TREND_COMMITS } from "../helpers/trend-history.js";

interface TrendJson {
  points: Array<TrendPoint & { comparable: boolean }>;
  summary: string;
}

let repo: string;
let commits: string[];
let points: TrendJson["points"];
let before: { status: string; index: string; head: string };
let after: typeof before;
let leftInTmp: string[];

/** What the backfill must not change: the work tree's status, the index's bytes, HEAD. */
async function repoState(dir: string): Promise<typeof before> {
  return {
    status: git(dir, ["status", "--porcelain", "--untracked-files=all"]),
    index: createHash("sha256")
      .update(await readFile(join(dir, ".git", "index")))
      .digest("hex"),
    head: git(dir, ["rev-parse", "HEAD"]),
  };
}

beforeAll(async () => {
  ({ dir: repo, commits } = await buildTrendHistory());
  before = await repoState(repo);
  // A private TMPDIR shows whether the backfill leaves temporary files behind: a process, as TMPDIR is read from
  // the process's environment (os.tmpdir()), not from the one the CLI is given.
  const tmp = await temporaryDir();
  const run = runCli(["trend", repo, "--backfill", String(TREND_COMMITS), "--format", "json"], REPO_ROOT, {
    TMPDIR: tmp,
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  points = (JSON.parse(run.stdout) as TrendJson).points;
  after = await repoState(repo);
  leftInTmp = await readdir(tmp);
}, 120_000);

// Facts by construction (test/helpers/trend-history.ts): commit n is dated 2026-08-n; a.ts's three exports are
// documented from commit 5; b.ts imports a.ts (closing a 2-file cycle with a.ts → b.ts) in commits 8–11 only.
describe("trend --backfill over a scripted history", () => {
  it("scores every commit of the first-parent line, oldest first, with its commit date", () => {
    expect(points.map((point) => point.commit)).toEqual(commits);
    expect(points.map((point) => point.date.slice(0, 10))).toEqual(
      commits.map((_, index) => `2026-08-${String(index + 1).padStart(2, "0")}`),
    );
    expect(points.every((point) => point.comparable)).toBe(true);
  });

  it("sees documentation rise at commit 5 and stay", () => {
    const documented = points.map((point) => point.metrics.docs?.documentedSymbols);
    expect(documented).toEqual([2, 2, 2, 2, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(points.map((point) => point.metrics.docs?.exportedSymbols)).toEqual(Array(TREND_COMMITS).fill(5));
    const docs = points.map((point) => point.categories.docs ?? 0);
    expect(new Set(docs.slice(0, 4)).size).toBe(1);
    expect(docs[4]).toBeGreaterThan(docs[3] ?? 100);
    expect(new Set(docs.slice(4)).size).toBe(1);
  });

  it("sees the cycle appear at commit 8 and go at commit 12", () => {
    expect(points.map((point) => point.metrics.cycles?.cycles)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0]);
    expect(points.map((point) => point.metrics.cycles?.filesInCycles)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 0, 0, 0,
    ]);
    const cycles = points.map((point) => point.categories.cycles ?? 0);
    expect(cycles[7]).toBeLessThan(cycles[6] ?? 0);
    expect(cycles[11]).toBe(cycles[6]);
    expect(cycles.slice(7, 11).every((score) => score === cycles[7])).toBe(true);
  });

  it("reads each commit's history over the window ending at that commit", () => {
    expect(points.map((point) => point.metrics.hotspots?.commits)).toEqual(commits.map((_, index) => index + 1));
  });

  it("leaves the work tree, the index and HEAD as they were, and no temporary files", () => {
    expect(after).toEqual(before);
    expect(leftInTmp).toEqual([]);
  });

  it("gives each past commit the scores a scan of a checkout of it gives", async () => {
    for (const index of [4, 7, 11]) {
      const checkout = await temporaryDir();
      execFileSync("git", ["clone", "--quiet", repo, checkout]);
      git(checkout, ["checkout", "--quiet", "--detach", commits[index] ?? ""]);
      const scanned = await analyze({ root: checkout });
      const point = points[index];
      expect(toTrendPoint(scanned, point?.commit ?? "", point?.date ?? "")).toEqual({
        ...point,
        comparable: undefined,
      });
    }
  }, 60_000);
});

// The scripted history: docs rises at commit 5, the cycle is there at commits 8-11. Past as many points as a
// sparkline has characters, each character is the newest point of its share: 6 characters over 14 points take
// points 2, 4, 7, 9, 11 and 14 (docs low, low, then high; cycles fine, fine, fine, broken, broken, fine); 12 take
// points 1-5, 7-12 and 14.
describe("trend text at the terminal's width", () => {
  const trendAt = async (columns: string) =>
    (await runCliInProcess(["trend", repo, "--backfill", String(TREND_COMMITS)], REPO_ROOT, { COLUMNS: columns }))
      .stdout;

  it("fits 80 columns: no borders, short headers with a legend, sparklines as wide as a score", async () => {
    const text = await trendAt("80");
    const lines = text.trimEnd().split("\n");
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe("Date       Commit     Overall   intf   docs  tests cycles    dup  churn    ctx");
    expect(lines.filter((line) => /^2026-08-\d\d /.test(line))).toHaveLength(TREND_COMMITS);
    const sparks = lines.find((line) => line.startsWith("trend"))?.split(/ +/);
    expect(sparks?.[3]).toBe("▁▁████");
    expect(sparks?.[5]).toBe("███▁▁█");
    expect(text).toContain("intf interface clarity · docs documentation");
  });

  it("keeps the boxed table with the categories' ids where it fits, sparklines of 12", async () => {
    const text = await trendAt("160");
    const lines = text.trimEnd().split("\n");
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(160);
    expect(lines[1]).toMatch(/^│ Date +│ Commit +│ +Overall │ +interfaces │ +docs │/);
    const sparks = lines
      .find((line) => line.startsWith("│ trend"))
      ?.split("│")
      .map((cell) => cell.trim());
    expect(sparks?.[5]).toBe("▁▁▁▁████████");
    expect(sparks?.[7]).toBe("██████▁▁▁▁██");
    expect(text).not.toContain("intf interface clarity");
  });
});

describe("trend --since --every", () => {
  it("takes the newest commit of each week counted from the date", async () => {
    const run = await runCliInProcess(
      ["trend", repo, "--since", "2026-08-01", "--every", "week", "--format", "json"],
      REPO_ROOT,
    );
    expect(run.status).toBe(0);
    const weekly = (JSON.parse(run.stdout) as TrendJson).points.map((point) => point.commit);
    // Weeks from 2026-08-01: days 1–7 end with commit 7, days 8–14 with commit 14.
    expect(weekly).toEqual([commits[6], commits[13]]);
  }, 60_000);
});

describe("scan --record and the history file", () => {
  it("appends one entry per scan, marks uncommitted changes, and trend shows them", async () => {
    const dir = await buildTrendHistory().then((built) => built.dir);
    const first = await runCliInProcess(["scan", dir, "--record", "--format", "json"], REPO_ROOT);
    expect(first.status).toBe(0);
    await writeFile(join(dir, "src/c.ts"), "/** Edited. */\nexport const REVISION = 99;\n");
    expect((await runCliInProcess(["scan", dir, "--record", "--format", "json"], REPO_ROOT)).status).toBe(0);
    const lines = (await readFile(join(dir, ".groundwork/history.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(2);
    const [clean, dirty] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const head = git(dir, ["rev-parse", "HEAD"]).trim();
    expect(clean).toMatchObject({ commit: head, branch: "main", date: "2026-08-14T12:00:00+00:00" });
    expect(clean?.dirty).toBeUndefined();
    expect(dirty).toMatchObject({ commit: head, dirty: true });
    expect(clean?.score).toBe((JSON.parse(first.stdout) as { score: number }).score);
    const shown = await runCliInProcess(["trend", dir, "--format", "json"], REPO_ROOT);
    expect((JSON.parse(shown.stdout) as TrendJson).points.map((point) => point.dirty ?? false)).toEqual([false, true]);
  }, 60_000);

  it("skips a corrupt line with a warning naming the file and line, and never rewrites it", async () => {
    const dir = await temporaryDir();
    const good = (commit: string, day: number, model = "1"): string =>
      JSON.stringify({
        commit,
        date: `2026-08-0${day}T12:00:00Z`,
        scoringModel: model,
        score: 50 + day,
        level: 2,
        categories: { docs: 40 + day },
        metrics: { docs: { documentedSymbols: day } },
        branch: "main",
        scannedAt: "2026-08-10T00:00:00Z",
        tool: "0.1.0",
      });
    const text = `${good("a".repeat(40), 1)}\n{"commit": "truncated\n${good("b".repeat(40), 2)}\n`;
    await mkdir(join(dir, ".groundwork"));
    await writeFile(join(dir, ".groundwork/history.jsonl"), text);
    const run = await runCliInProcess(["trend", ".", "--format", "json"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("groundwork: warning: .groundwork/history.jsonl:2: not valid JSON; line skipped\n");
    const elsewhere = await runCliInProcess(["trend", dir, "--format", "json"], REPO_ROOT);
    expect(elsewhere.stderr).toBe(
      `groundwork: warning: ${join(dir, ".groundwork/history.jsonl")}:2: not valid JSON; line skipped\n`,
    );
    expect((JSON.parse(run.stdout) as TrendJson).points.map((point) => point.score)).toEqual([51, 52]);
    expect(await readFile(join(dir, ".groundwork/history.jsonl"), "utf8")).toBe(text);
  });

  it("marks points of another scoring model as not comparable and leaves them out of the change", async () => {
    const dir = await temporaryDir();
    const entry = (commit: string, day: number, model: string, docs: number): string =>
      JSON.stringify({
        commit,
        date: `2026-08-0${day}T12:00:00Z`,
        scoringModel: model,
        score: docs,
        level: 2,
        categories: { docs },
        metrics: {},
        branch: "main",
        scannedAt: "2026-08-10T00:00:00Z",
        tool: "0.1.0",
      });
    await mkdir(join(dir, ".groundwork"));
    await writeFile(
      join(dir, ".groundwork/history.jsonl"),
      [entry("a".repeat(40), 1, "0", 10), entry("b".repeat(40), 2, "1", 40), entry("c".repeat(40), 3, "1", 52)]
        .map((line) => `${line}\n`)
        .join(""),
    );
    const json = JSON.parse((await runCliInProcess(["trend", dir, "--format", "json"], REPO_ROOT)).stdout) as TrendJson;
    expect(json.points.map((point) => point.comparable)).toEqual([false, true, true]);
    // The change runs from the first comparable point (40) to the newest (52), never from 10.
    expect(json.summary).toBe(
      "overall +12.0: docs +12.0 since 2026-08-02 (1 older point was scored under another scoring model and is not compared).",
    );
    const text = (await runCliInProcess(["trend", dir], REPO_ROOT)).stdout;
    expect(text).toContain("2026-08-01*");
    expect(text).toContain("* scored under scoring model 0, not 1: not comparable");
  });
});

describe("trend errors", () => {
  it("exits 2 with one line for a missing directory, a bad period and a backfill outside git", async () => {
    const missing = await runCliInProcess(["trend", "/nonexistent/repo"], REPO_ROOT);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("groundwork: error: /nonexistent/repo: no such directory\n");
    const period = await runCliInProcess(["trend", ".", "--since", "2026-08-01", "--every", "fortnight"], REPO_ROOT);
    expect(period.status).toBe(2);
    expect(period.stderr).toMatch(/^groundwork: error: option '--every <period>' argument 'fortnight' is invalid/);
    const plain = await temporaryDir();
    const outside = await runCliInProcess(["trend", plain, "--backfill", "3"], REPO_ROOT);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toBe(
      `groundwork: error: ${plain}: not a git repository; a backfill reads past commits from git\n`,
    );
    const record = await runCliInProcess(["scan", plain, "--record"], REPO_ROOT);
    expect(record.status).toBe(2);
    expect(record.stderr).toBe(
      `groundwork: error: --record: ${plain} is not in a git repository with commits; a history point needs a commit\n`,
    );
  });
});
