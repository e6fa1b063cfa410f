/**
 * Scans of past commits, read from git objects into temporary snapshot trees
 * (removed when done; the working tree and the index are never touched).
 *
 * May: write and remove its snapshot trees, run git. May not: print, exit.
 */
import { resolve } from "node:path";
import { collectHistory, HistoryLog, type HistoryFact, type HistorySettings } from "../facts/history/index.js";
import { assertDirectory, defaultConfigPath, type AnalyzeOptions } from "./options.js";
import { scanTree, type ScanOutcome, type SnapshotCaches } from "./pipeline.js";
import { TreeStore } from "./snapshot.js";

/**
 * Scans past commits of one repository, read from git objects (the working
 * tree and the index are never touched). Parsed files and jscpd runs are shared
 * between the commits by blob id, so a commit that changed 5 files costs 5 parses.
 */
export class CommitScanner {
  private readonly caches: SnapshotCaches = { modules: new Map(), tokens: new Map(), clones: new Map() };
  private log: Promise<HistoryLog | HistoryFact> | null = null;

  private constructor(
    private readonly options: AnalyzeOptions,
    private readonly root: string,
    private readonly cwd: string,
    private readonly configPath: string | undefined,
    private readonly store: TreeStore,
    private readonly series: CommitSeries | undefined,
  ) {}

  /**
   * Checks the directory and opens the scanner's temporary store; `dispose`
   * removes it. With `series`, the history of all the commits to come is read
   * with one `git log`.
   */
  static async open(options: AnalyzeOptions, series?: CommitSeries): Promise<CommitScanner> {
    const cwd = options.cwd ?? process.cwd();
    const root = resolve(cwd, options.root);
    await assertDirectory(root, options.root);
    // The config is the current one (the caller's, or the one at the root today), so every commit scores alike.
    const configPath = options.configPath ?? (await defaultConfigPath(root));
    return new CommitScanner(options, root, cwd, configPath, TreeStore.open(root), series);
  }

  /** Scans one commit (a full commit id; `time`, its committer date in ms, when it belongs to the series). */
  async scan(commit: string, time?: number): Promise<ScanOutcome> {
    const started = performance.now();
    const snapshot = await this.store.materialize(commit);
    this.options.onStage?.("snapshot", performance.now() - started);
    try {
      const outcome = await scanTree(
        { ...this.options, configPath: this.configPath },
        {
          dir: snapshot.dir,
          snapshot: {
            listing: snapshot.listing,
            caches: this.caches,
            history: (settings) => this.historyAt(settings, commit, time),
          },
        },
        this.cwd,
      );
      return { ...outcome, result: { ...outcome.result, root: this.root, commit } };
    } finally {
      await this.store.release(snapshot);
    }
  }

  /** The commit's history: from the series' one log, or (a single commit) from a `git log` of it. */
  private async historyAt(settings: HistorySettings, commit: string, time: number | undefined): Promise<HistoryFact> {
    const series = this.series;
    if (!series || time === undefined) return collectHistory(this.root, settings, commit);
    this.log ??= HistoryLog.load(this.root, settings, series.newest, series.oldestTime);
    const log = await this.log;
    return log instanceof HistoryLog ? log.factAt(commit, time) : log;
  }

  /** Removes the temporary store. */
  async dispose(): Promise<void> {
    await this.store.dispose();
  }
}

/** The commits a CommitScanner will scan: the newest, and the oldest one's date (ms). */
export interface CommitSeries {
  newest: string;
  oldestTime: number;
}
