/**
 * The fact cache: what a scan learned, kept on disk for the next scan of the
 * same tree. Parsed files are keyed by content (git blob id, or the same hash
 * computed from the bytes); the whole-repository facts (graph, clones,
 * history) by a hash of everything they are computed from.
 *
 * May: read and write files in its own folder only, which it creates with a
 * `.gitignore` of `*` so that git never lists it. The folder is the user's
 * (`--cache-dir`) or inside the repository, reached without following a link;
 * its `.gitignore` is written only where none is, and `facts.bin` replaces only
 * a cache file (see src/writes.ts). Anything else is a warning, and no cache.
 * May not: trust what it reads. A file that fails its checksum or was written
 * by another build of Groundwork is ignored (and rebuilt by the next save);
 * nothing here is ever fatal to a scan.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { FileOutcome, ModuleCache } from "../facts/modules/index.js";
import { createUnlessPresent, kindOf, refusalOf, replaceOwn, WriteRefused } from "../writes.js";
import { buildId } from "./build.js";
import { isRecord } from "../guards.js";

/** The cache's folder, relative to the scanned root, unless configured otherwise. */
export const DEFAULT_CACHE_DIR = ".groundwork/cache";

const FILE_NAME = "facts.bin";
const FORMAT = "groundwork-facts ";
const GITIGNORE = "# Groundwork's fact cache: safe to delete.\n*\n";

/** Where the cache lives: its folder, the scanned root, and whether the user named the folder (`--cache-dir`). */
export interface CacheLocation {
  /** The cache's folder (absolute). */
  dir: string;
  /** The scanned repository's root (absolute). */
  root: string;
  /** True for `--cache-dir`; false for the config's `cache.dir` or the default. */
  isUserGiven: boolean;
}
/** The file format's version: a cache written in another format is rebuilt without a warning. */
const MAGIC = Buffer.from(`${FORMAT}2\n`);
const DIGEST_BYTES = 20;

interface Payload {
  build: string;
  modules: Array<[string, FileOutcome]>;
  facts: Array<[string, { key: string; value: unknown }]>;
}

/**
 * One scan's view of the cache: entries read at the start, and the ones this
 * scan used or added, which are all that `save` writes (so files that left the
 * repository leave the cache too).
 */
export class FactCache {
  private readonly used = new Map<string, FileOutcome>();
  private readonly facts: Map<string, { key: string; value: unknown }>;
  private hasChanged = false;

  /** Parsed-file outcomes, by content key, kind and path. */
  readonly modules: ModuleCache = {
    get: (key) => {
      const outcome = this.used.get(key) ?? this.previous.get(key);
      if (outcome) this.used.set(key, outcome);
      return outcome;
    },
    has: (key) => this.used.has(key) || this.previous.has(key),
    set: (key, outcome) => {
      this.used.set(key, outcome);
      this.hasChanged = true;
      return this.modules;
    },
  };

  private constructor(
    private readonly location: CacheLocation,
    /** How messages name the folder. */
    private readonly label: string,
    private readonly build: string,
    private readonly previous: ReadonlyMap<string, FileOutcome>,
    facts: Payload["facts"],
    /** Why the cache may be neither read nor written here (a link on the way, outside the repository). */
    private readonly refusal: string | null = null,
  ) {
    this.facts = new Map(facts);
  }

  /** The cache's folder (absolute). */
  get dir(): string {
    return this.location.dir;
  }

  /**
   * Reads the cache in `dir`. A missing cache is empty; an unreadable or
   * corrupt one is empty too, with a warning; one from another build of
   * Groundwork is empty without one (an upgrade is not a problem).
   */
  static async open(location: CacheLocation, label: string): Promise<{ cache: FactCache; warning: string | null }> {
    const build = await buildId();
    const empty = (warning: string | null, refusal: string | null = null) => ({
      cache: new FactCache(location, label, build, new Map(), [], refusal),
      warning,
    });
    // A cache reached through a committed link is not this repository's: neither read nor written (save says why).
    const refusal = refusalOf({ ...location, path: join(location.dir, FILE_NAME) }) ?? notRegularFile(location.dir);
    if (refusal !== null) return empty(null, refusal);
    let bytes: Buffer;
    try {
      bytes = await readFile(join(location.dir, FILE_NAME));
    } catch (error) {
      const code = errorCode(error);
      return empty(code === "ENOENT" ? null : `${label}: cache not read (${code}); facts computed afresh`);
    }
    const isOtherFormat =
      !bytes.subarray(0, MAGIC.length).equals(MAGIC) && bytes.toString("latin1", 0, FORMAT.length) === FORMAT;
    if (isOtherFormat) return empty(null);
    const payload = decode(bytes);
    if (payload === null) return empty(`${label}/${FILE_NAME}: cache is corrupt; ignored and rebuilt`);
    if (payload.build !== build) return empty(null);
    return {
      cache: new FactCache(location, label, build, new Map(payload.modules), payload.facts),
      warning: null,
    };
  }

  /** A whole-repository fact stored under `slot`, when it was computed from exactly `key`. */
  fact<T>(slot: string, key: string): T | undefined {
    const entry = this.facts.get(slot);
    // The slot names the producer and the build id is checked on load: what is stored there is that producer's T.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
    return entry?.key === key ? (entry.value as T) : undefined;
  }

  /** Stores a whole-repository fact under `slot`, replacing the one computed from other inputs. */
  remember(slot: string, key: string, value: unknown): void {
    if (this.facts.get(slot)?.key === key) return;
    this.facts.set(slot, { key, value });
    this.hasChanged = true;
  }

  /**
   * Writes the cache when this scan changed it (atomically: a temporary file,
   * then a rename); returns a warning when it could not or may not.
   */
  async save(): Promise<string | null> {
    if (!this.hasChanged && this.used.size === this.previous.size) return null;
    const notWritten = (reason: string) =>
      `${this.label}: cache not written (${reason}); the next scan parses every file again`;
    if (this.refusal !== null) return notWritten(this.refusal);
    const payload: Payload = { build: this.build, modules: [...this.used], facts: [...this.facts] };
    const body = encode(payload);
    const digest = createHash("sha1").update(body).digest();
    try {
      const stranger = strangerIn(this.dir);
      if (stranger !== null) return notWritten(`${stranger} there is not the cache's: give an empty or new folder`);
      // Git then ignores the whole folder, .gitignore included: scans leave `git status` unchanged.
      createUnlessPresent({ ...this.location, path: join(this.dir, ".gitignore") }, GITIGNORE, ignoresEverything);
      replaceOwn(
        { ...this.location, path: join(this.dir, FILE_NAME) },
        Buffer.concat([MAGIC, digest, body]),
        isCacheFile,
      );
      return null;
    } catch (error) {
      return notWritten(error instanceof WriteRefused ? error.message : errorCode(error));
    }
  }
}

/** Why `facts.bin` in `dir` is not read: it is there but no regular file (a link, a FIFO). */
function notRegularFile(dir: string): string | null {
  let stats;
  try {
    stats = lstatSync(join(dir, FILE_NAME));
  } catch {
    return null;
  }
  return stats.isFile() ? null : `${FILE_NAME} there is ${kindOf(stats)}`;
}

/**
 * A file of the folder, when it has no .gitignore, that is not the cache's: a
 * `.gitignore` of `*` there would hide it (and every file beside it) from git.
 * Null when the folder is missing, empty, or has a .gitignore (checked next).
 */
function strangerIn(dir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  if (names.includes(".gitignore")) return null;
  return names.find((name) => name !== FILE_NAME && !/^\.facts\.bin\.\d+\.[0-9a-f]+\.tmp$/.test(name)) ?? null;
}

/** A .gitignore that ignores its whole folder (this build's, an older one's, or the user's `*`). */
function ignoresEverything(head: Buffer): boolean {
  const lines = head
    .toString("utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  return lines.length === 1 && lines[0] === "*";
}

/** A file of Groundwork's fact cache, of any format version (an older one is replaced without a word). */
function isCacheFile(head: Buffer): boolean {
  return head.toString("latin1", 0, FORMAT.length) === FORMAT;
}

/**
 * A cache file's body: the whole-repository facts (with Maps) serialised by V8,
 * then the parsed files as JSON, which V8 parses faster than it deserialises
 * (120 against 290 ms for 4,500 files' facts).
 */
function encode(payload: Payload): Buffer {
  const facts = serialize({ build: payload.build, facts: payload.facts });
  const length = Buffer.alloc(4);
  length.writeUInt32BE(facts.length);
  return Buffer.concat([length, facts, Buffer.from(JSON.stringify(payload.modules))]);
}

/** The payload of a cache file, or null when the file is not one, is cut short or fails its checksum. */
function decode(bytes: Buffer): Payload | null {
  const start = MAGIC.length + DIGEST_BYTES;
  if (bytes.length < start + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const body = bytes.subarray(start);
  const digest = createHash("sha1").update(body).digest();
  if (!digest.equals(bytes.subarray(MAGIC.length, start))) return null;
  try {
    const factsEnd = 4 + body.readUInt32BE(0);
    const head: unknown = deserialize(body.subarray(4, factsEnd));
    const modules: unknown = JSON.parse(body.subarray(factsEnd).toString("utf8"));
    const value = typeof head === "object" && head !== null ? { ...head, modules } : null;
    return isPayload(value) ? value : null;
  } catch {
    return null;
  }
}

function isPayload(value: unknown): value is Payload {
  if (!isRecord(value)) return false;
  const record = value;
  return typeof record.build === "string" && Array.isArray(record.modules) && Array.isArray(record.facts);
}

function errorCode(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : String(error);
}

/** Whether `dir` holds a cache file (readable or not): a scan with none parses everything. */
export function hasCacheFile(dir: string): boolean {
  return existsSync(join(dir, FILE_NAME));
}

/** A stable key for a fact computed from `inputs` (any JSON-serialisable value). */
export function inputKey(inputs: unknown): string {
  return createHash("sha1").update(JSON.stringify(inputs)).digest("hex");
}
