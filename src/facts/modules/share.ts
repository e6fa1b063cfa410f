/**
 * The parse shared with a second thread, by work stealing. The main thread
 * takes the files from the first, a helper thread from the last; each file is
 * claimed once, by an atomic compare-and-swap in a shared array, so the two
 * meet wherever the work happens to divide and neither waits for the other
 * until the end. The helper is the clone detector's worker once its own job is
 * done (it has the TypeScript compiler loaded and the second core to itself);
 * help.ts is its side.
 *
 * May: create the shared claims and the channel, receive the helper's outcomes.
 * May not: parse (this side is loaded on cached scans, which must not load TypeScript), touch the fact cache.
 */
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { isClassifiedByConfig, type DiscoveredFile } from "../../discover/index.js";
import type { FileOutcome } from "./outcome.js";

/** Values of a claim: nobody yet, the main thread, the helper. */
export const Claim = { Free: 0, Main: 1, Helper: 2 } as const;

/** What the helper thread is given. `port` must be in the transfer list of whatever carries it. */
export interface ParseHelp {
  root: string;
  files: ReadonlyArray<{ path: string; kind: "source" | "test"; keepsKind: boolean; withBlobId: boolean }>;
  /** One Int32 per file, a `Claim`. */
  claims: SharedArrayBuffer;
  port: MessagePort;
}

/** A file the helper read and parsed; `blob` is the git blob id it computed, when asked to. */
export interface HelpedFile {
  index: number;
  outcome: FileOutcome;
  blob: string | null;
}

/** What the helper posts: outcomes as they come, then `done`. */
export type HelpMessage = { files: HelpedFile[] } | { done: true };

/** The main thread's side of a shared parse. */
export class SharedParse {
  /** The files to parse, in the order both threads index them. */
  readonly files: readonly DiscoveredFile[];
  /** To hand to the helper thread (with `help.port` transferred). */
  readonly help: ParseHelp;
  private readonly claims: Int32Array;
  private readonly port: MessagePort;
  private readonly received = new Map<number, HelpedFile>();
  private lost = false;
  private finished = false;
  private onFinish: (() => void) | null = null;

  /**
   * Shares the parse of `files` (the source and test files of an inventory, in
   * its order); `withCache`: blob ids are computed for files git did not name.
   */
  constructor(root: string, files: readonly DiscoveredFile[], withCache: boolean) {
    this.files = files;
    const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * this.files.length);
    this.claims = new Int32Array(buffer);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.help = {
      root,
      files: this.files.map((file) => ({
        path: file.path,
        kind: file.kind === "test" ? "test" : "source",
        keepsKind: isClassifiedByConfig(file),
        withBlobId: withCache && file.blob === null,
      })),
      claims: buffer,
      port: port2,
    };
    // Outcomes are taken as they come (between the files this thread parses), and the end is noticed
    // whenever it comes: a helper that stopped before it was asked about must not be waited for.
    // Unreferenced: a helper that never starts (clones came from the cache) must not keep the process alive.
    port1.on("message", (message: HelpMessage) => {
      if ("files" in message) for (const file of message.files) this.received.set(file.index, file);
      else this.finish();
    });
    port1.once("close", () => this.finish());
    port1.unref();
  }

  /** Takes the file at `index` for the main thread; false when the helper took it first. */
  claim(index: number): boolean {
    const previous = Atomics.compareExchange(this.claims, index, Claim.Free, Claim.Main);
    if (previous === Claim.Helper) this.lost = true;
    return previous !== Claim.Helper;
  }

  /**
   * The outcomes of the files the helper took, once it is done (or gone: a
   * file it took and did not deliver is missing, for the caller to parse).
   * Immediate when the main thread took every file it asked for.
   */
  helped(): Promise<ReadonlyMap<number, HelpedFile>> {
    if (!this.lost || this.finished) return Promise.resolve(this.received);
    this.port.ref();
    return new Promise((resolve) => {
      this.onFinish = () => resolve(this.received);
    });
  }

  /** Ends the channel: a helper that has not started finds nothing to take. */
  close(): void {
    for (let index = 0; index < this.files.length; index += 1) this.claim(index);
    this.port.close();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.port.unref();
    this.onFinish?.();
  }
}
