/**
 * A past commit's tree, read from git's object store into a temporary folder
 * outside the repository, so the whole pipeline can scan it. The working tree
 * and the index are never touched; the folder is always removed.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { simpleGit } from "simple-git";
import { InputError } from "../errors.js";

/** A materialised commit. */
export interface Snapshot {
  /** The folder holding the commit's files (those under the scanned directory). */
  dir: string;
  commit: string;
  /** Git blob id per repo-relative path. */
  blobs: Map<string, string>;
}

const GITLINK = "160000";
const SYMLINK = "120000";

/** Resolves `ref` in the repository at `root` to a commit id; throws an InputError naming the ref. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  try {
    return (await simpleGit({ baseDir: root }).raw(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
  } catch {
    throw new InputError(`${ref}: not a commit of the git repository at ${root}`);
  }
}

/** Writes the files of `commit` under `root` into a new temporary folder. The caller removes it with `dispose`. */
export async function materialize(root: string, commit: string): Promise<Snapshot> {
  const listing = await simpleGit({ baseDir: root, trimmed: false }).raw(["ls-tree", "-r", "-z", commit]);
  const entries = listing
    .split("\0")
    .filter((record) => record !== "")
    .flatMap((record) => {
      const match = /^(\d{6}) \w+ ([0-9a-f]{40,64})\t(.*)$/s.exec(record);
      return match?.[1] && match[2] && match[3] !== undefined && match[1] !== GITLINK
        ? [{ mode: match[1], blob: match[2], path: match[3] }]
        : [];
    });
  const dir = await mkdtemp(join(tmpdir(), "groundwork-snapshot-"));
  try {
    const contents = await readBlobs(root, [...new Set(entries.map((entry) => entry.blob))]);
    for (const entry of entries) {
      const target = join(dir, entry.path);
      await mkdir(dirname(target), { recursive: true });
      const content = contents.get(entry.blob) ?? Buffer.alloc(0);
      if (entry.mode === SYMLINK) await symlink(content.toString("utf8"), target).catch(() => undefined);
      else await writeFile(target, content);
    }
  } catch (error) {
    await dispose(dir);
    throw error;
  }
  return { dir, commit, blobs: new Map(entries.map((entry) => [entry.path, entry.blob])) };
}

/** Removes a snapshot folder. */
export async function dispose(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Reads blobs with one `git cat-file --batch`. */
function readBlobs(root: string, blobs: readonly string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => reject(new InputError(`git cat-file could not run (${error.message})`)));
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new InputError(`git cat-file failed (${stderr.trim().split("\n")[0] ?? code})`));
        return;
      }
      resolve(parseBatch(Buffer.concat(chunks)));
    });
    child.stdin.end(blobs.map((blob) => `${blob}\n`).join(""));
  });
}

/** `<id> <type> <size>\n<content>\n`, repeated. */
function parseBatch(output: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(10, offset);
    if (newline === -1) break;
    const [id = "", , size = ""] = output.subarray(offset, newline).toString("utf8").split(" ");
    const length = Number(size);
    if (!Number.isFinite(length)) break;
    blobs.set(id, output.subarray(newline + 1, newline + 1 + length));
    offset = newline + 1 + length + 1;
  }
  return blobs;
}
