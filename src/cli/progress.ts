import { SingleBar } from "cli-progress";
import type { Output } from "./io.js";

/** Reports progress of one long step ("parsing files", "scoring commits"). */
export interface Progress {
  update(task: string, done: number, total: number): void;
  /** Removes the bar (if it was ever shown); call once the work is over, before printing results. */
  stop(): void;
}

/** Nothing is shown before the work has taken this long: a quick scan prints no bar at all. */
const DELAY_MS = 1000;

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr (cli-progress), shown only when stderr is a
 * terminal, `--quiet` is not given, and the work has lasted more than a
 * second; otherwise nothing is written.
 */
export function createProgress(stderr: Output, options: { quiet?: boolean | undefined }): Progress {
  if (options.quiet || stderr.isTTY !== true || !isStream(stderr)) return SILENT;
  const started = performance.now();
  let bar: SingleBar | null = null;
  let current = "";
  return {
    update(task, done, total) {
      if (bar === null) {
        if (performance.now() - started < DELAY_MS || done >= total) return;
        bar = new SingleBar({
          stream: stderr,
          format: "groundwork: {task} [{bar}] {value}/{total} · {eta_formatted} left",
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        });
        bar.start(total, done, { task });
        current = task;
        return;
      }
      if (task !== current) {
        bar.setTotal(total);
        current = task;
      }
      bar.update(done, { task });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

function isStream(output: Output): output is Output & NodeJS.WritableStream {
  return "on" in output && typeof output.on === "function";
}
