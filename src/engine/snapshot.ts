/**
 * Past commits' trees, read from git's object store into a temporary folder
 * outside the repository, so the whole pipeline can scan them. The working tree
 * and the index are never touched, and the folder is always removed (also on
 * Ctrl-C).
 *
 * Each blob is written once, to a content-addressed store; a commit's tree is
 * then a folder of hard links to it, so scanning 20 commits that share most
 * files writes each file's bytes once.
 *
 * May: run read-only git commands, write and remove files under its own temporary folder.
 * May not: write inside the repository, check anything out, parse or score.
 */
import { spawn } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeSync,
} from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { configArgs, gitAt, gitTimeoutReason, gitTimeoutSeconds } from "../git.js";
import { removeOnInterrupt } from "../cleanup.js";
import type { Listing } from "../discover/list.js";
import { InputError } from "../errors.js";
import { reasonOf } from "../writes.js";

/** A commit's files (those under the scanned directory), materialised for one scan. */
export interface Snapshot {
  /** The folder holding the files. */
  dir: string;
  commit: string;
  /** The commit's file list, with blob ids, for discovery (no filesystem walk). */
  listing: Listing;
}

interface TreeEntry {
  mode: string;
  blob: string;
  path: string;
}

const GITLINK = "160000";
const SYMLINK = "120000";

/**
 * Resolves `ref` in the repository at `root` to a commit id; throws an InputError
 * naming the ref. A ref that starts with "-" would be read by git as an option
 * (`--output=x`), and `rev-parse --quiet` answers an unknown name with nothing.
 */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  const notACommit = new InputError(`${ref}: not a commit of the git repository at ${root}`);
  if (ref === "" || ref.startsWith("-")) throw notACommit;
  let commit: string;
  try {
    commit = (await gitAt(root).raw(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
  } catch {
    throw notACommit;
  }
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw notACommit;
  return commit;
}

/** Materialises commits of the repository at `root` (the scanned directory, maybe a subfolder of the repository). */
export class TreeStore {
  private readonly blobsDir: string;
  /** Each blob's read into the store, by blob id: done, or under way for another commit's scan. */
  private readonly stored = new Map<string, Promise<void>>();
  private trees = 0;

  private constructor(
    private readonly root: string,
    private readonly tempDir: string,
    private readonly unregister: () => void,
  ) {
    this.blobsDir = join(tempDir, "blobs");
    mkdirSync(this.blobsDir);
  }

  /** Creates the store's temporary folder; `dispose` removes it. Throws an InputError naming the folder when it cannot. */
  static open(root: string): TreeStore {
    let tempDir: string;
    try {
      tempDir = mkdtempSync(join(tmpdir(), "groundwork-snapshot-"));
    } catch (error) {
      throw new InputError(
        `cannot make a temporary folder in ${tmpdir()} (${reasonOf(error)}); set TMPDIR to a writable folder`,
      );
    }
    return new TreeStore(root, tempDir, removeOnInterrupt(tempDir));
  }

  /** Writes the files of `commit` into a new folder of the store. */
  async materialize(commit: string): Promise<Snapshot> {
    const entries = await listTree(this.root, commit);
    const blobs = [...new Set(entries.map((entry) => entry.blob))];
    // A blob another commit's scan is reading is waited for, never read again: reopening its file for writing
    // would truncate the file that scan's tree hard-links to, while that scan may be reading it.
    const missing = blobs.filter((blob) => !this.stored.has(blob));
    const reading = readBlobsInto(this.root, missing, this.blobsDir);
    for (const blob of missing) this.stored.set(blob, reading);
    reading.catch(() => {
      for (const blob of missing) if (this.stored.get(blob) === reading) this.stored.delete(blob);
    });
    const reads = new Set(blobs.map((blob) => this.stored.get(blob)));
    await Promise.all([...reads].filter((read): read is Promise<void> => read !== undefined));
    this.trees += 1;
    const dir = join(this.tempDir, `tree-${this.trees}`);
    mkdirSync(dir);
    const made = new Set<string>([dir]);
    for (const entry of entries) {
      const target = join(dir, entry.path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      this.place(entry, target);
    }
    const paths = entries.map((entry) => ({ path: entry.path, blob: entry.blob, isSymlink: entry.mode === SYMLINK }));
    return { dir, commit, listing: { lister: "git", commit, paths, warnings: [] } };
  }

  /** Removes one materialised tree (its blobs stay for the next commit). */
  async release(snapshot: Snapshot): Promise<void> {
    await rm(snapshot.dir, { recursive: true, force: true });
  }

  /** Removes everything the store wrote. */
  async dispose(): Promise<void> {
    await rm(this.tempDir, { recursive: true, force: true });
    this.unregister();
  }

  private place(entry: TreeEntry, target: string): void {
    const source = join(this.blobsDir, entry.blob);
    if (entry.mode === SYMLINK) {
      // The link's target is the blob's text; it is not followed by the scan.
      try {
        symlinkSync(readFileSync(source, "utf8"), target);
      } catch {
        // an unrepresentable link target: the file is simply absent
      }
      return;
    }
    try {
      linkSync(source, target);
    } catch {
      // Too many links to one inode (thousands of identical empty files), or no hard links here.
      copyFileSync(source, target);
    }
  }
}

async function listTree(root: string, commit: string): Promise<TreeEntry[]> {
  let listing: string;
  try {
    listing = await gitAt(root).raw(["ls-tree", "-r", "-z", commit]);
  } catch (error) {
    throw new InputError(`commit ${commit.slice(0, 10)}: git cannot read its files (${gitReason(error)})`);
  }
  return listing
    .split("\0")
    .filter((record) => record !== "")
    .flatMap((record) => {
      const match = /^(\d{6}) \w+ ([0-9a-f]{40,64})\t(.*)$/s.exec(record);
      return match?.[1] && match[2] && match[3] !== undefined && match[1] !== GITLINK
        ? [{ mode: match[1], blob: match[2], path: match[3] }]
        : [];
    });
}

/**
 * Streams blobs out of one `git cat-file --batch` into `dir/<id>`, one at a
 * time, so memory stays flat however large the tree is.
 */
function readBlobsInto(root: string, blobs: readonly string[], dir: string): Promise<void> {
  if (blobs.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["--no-optional-locks", ...configArgs(), "cat-file", "--batch"], {
      cwd: root,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const writer = new BatchWriter(dir);
    let stderr = "";
    let failure: Error | null = null;
    let isSilent = false;
    // The same watchdog as every other git call (src/git.ts): stopped after a silence.
    let watchdog = setTimeout(() => stop(), gitTimeoutSeconds() * 1000);
    const stop = (): void => {
      isSilent = true;
      child.kill();
    };
    child.stdout.on("data", (chunk: Buffer) => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => stop(), gitTimeoutSeconds() * 1000);
      if (failure) return;
      try {
        writer.push(chunk);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        child.kill();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => {
      clearTimeout(watchdog);
      reject(new InputError(`git cat-file could not run (${error.message})`));
    });
    child.on("close", (code) => {
      clearTimeout(watchdog);
      writer.close();
      if (isSilent) reject(new InputError(`git cat-file: ${gitTimeoutReason()}`));
      else if (failure instanceof MissingBlob) reject(new InputError(failure.message));
      else if (failure) reject(new InputError(`cannot write a snapshot file in ${dir} (${reasonOf(failure)})`));
      else if (code !== 0) reject(new InputError(`git cat-file failed (${gitReason(new Error(stderr)) || code})`));
      else if (writer.written !== blobs.length)
        reject(new InputError(`git cat-file returned ${writer.written} of ${blobs.length} blobs`));
      else resolve();
    });
    child.stdin.end(blobs.map((blob) => `${blob}\n`).join(""));
  });
}

/** Parses `<id> <type> <size>\n<content>\n`, repeated, across chunk boundaries. */
class BatchWriter {
  written = 0;
  private header = Buffer.alloc(0);
  private fd: number | null = null;
  /** Content bytes still to write for the open blob, then its trailing newline. */
  private remaining = 0;
  private needsNewline = false;

  constructor(private readonly dir: string) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.fd !== null) {
        const take = Math.min(this.remaining, chunk.length - offset);
        writeSync(this.fd, chunk, offset, take);
        offset += take;
        this.remaining -= take;
        if (this.remaining === 0) this.finishBlob();
      } else if (this.needsNewline) {
        offset += 1;
        this.needsNewline = false;
      } else {
        const newline = chunk.indexOf(10, offset);
        if (newline === -1) {
          this.header = Buffer.concat([this.header, chunk.subarray(offset)]);
          return;
        }
        const line = Buffer.concat([this.header, chunk.subarray(offset, newline)]).toString("utf8");
        this.header = Buffer.alloc(0);
        offset = newline + 1;
        this.startBlob(line);
      }
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private startBlob(line: string): void {
    const [id = "", type = "", size = ""] = line.split(" ");
    if (type === "missing" || !/^\d+$/.test(size)) throw new MissingBlob(id);
    this.fd = openSync(join(this.dir, id), "w");
    this.remaining = Number(size);
    if (this.remaining === 0) this.finishBlob();
  }

  private finishBlob(): void {
    this.close();
    this.written += 1;
    this.needsNewline = true;
  }
}

/** A blob a commit's tree names that git's object store does not have (or cannot read). */
class MissingBlob extends Error {
  constructor(blob: string) {
    super(`blob ${blob.slice(0, 10)} is missing from git's object store, or corrupt`);
  }
}

/** What git said went wrong: its `fatal:` line when there is one, else its first line. */
function gitReason(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error))
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const fatal = lines.find((line) => line.startsWith("fatal: "));
  return (fatal ?? lines[0] ?? "").replace(/^(fatal|error): /, "");
}
