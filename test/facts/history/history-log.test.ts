import { beforeAll, describe, expect, it } from "vitest";
import { collectHistory, DEFAULT_HISTORY_SETTINGS, HistoryLog } from "../../../src/facts/history/index.js";
import { buildBillingHistory } from "../../helpers/billing-history.js";
import { git } from "../../helpers/git.js";

let repo: string;
let commits: Array<{ commit: string; time: number }>;

beforeAll(async () => {
  repo = await buildBillingHistory();
  commits = git(repo, ["log", "--format=%H %ct", "HEAD"])
    .trim()
    .split("\n")
    .map((line) => {
      const [commit = "", seconds = "0"] = line.split(" ");
      return { commit, time: Number(seconds) * 1000 };
    })
    .reverse();
}, 60_000);

// fixtures/hotspots/billing-history: 16 commits, one a day from 2026-01-01, with a rename in commit 8.
describe("HistoryLog", () => {
  it("gives every commit the same history fact as a git log of that commit (window, counts, renames, co-change)", async () => {
    const settings = { ...DEFAULT_HISTORY_SETTINGS, window: "10 days" };
    const log = await HistoryLog.load(repo, settings, commits.at(-1)?.commit ?? "", commits[0]?.time ?? 0);
    expect(log).toBeInstanceOf(HistoryLog);
    if (!(log instanceof HistoryLog)) return;
    expect(commits).toHaveLength(16);
    for (const { commit, time } of commits) {
      expect(log.factAt(commit, time)).toEqual(await collectHistory(repo, settings, commit));
    }
    // A 10-day window: commit 16 (2026-01-16) sees commits 6–16, not all 16.
    const newest = log.factAt(commits[15]?.commit ?? "", commits[15]?.time ?? 0);
    expect(newest.status === "ok" && newest.commits).toBe(11);
  }, 60_000);
});
