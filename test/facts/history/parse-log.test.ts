import { describe, expect, it } from "vitest";
import { parseLog, windowStart } from "../../../src/facts/history/index.js";

const ZERO = "0".repeat(40);
const BLOB_A = "a".repeat(40);
const BLOB_B = "b".repeat(40);

/** One commit of `git log -z --raw --format=%x1e%H%x1f%ct%x1f%aE%x1f%P%x1f%aN` output (no name: the old format). */
function commit(time: number, author: string, changes: Array<[string, string, string, string]>, name?: string): string {
  const raw = changes
    .map(([status, oldBlob, newBlob, path]) => `:100644 100644 ${oldBlob} ${newBlob} ${status}\0${path}\0`)
    .join("");
  const header = name === undefined ? author : `${author}\x1f\x1f${name}`;
  return `\x1e${"f".repeat(40)}\x1f${time}\x1f${header}\0\n${raw}`;
}

describe("parseLog", () => {
  it("counts commits and distinct authors per file, and the newest change", () => {
    const raw = [
      commit(1_767_400_000, "Bob@Example.com", [["M", BLOB_A, BLOB_B, "src/a.ts"]]),
      commit(1_767_300_000, "bob@example.com", [
        ["M", BLOB_B, BLOB_A, "src/a.ts"],
        ["M", BLOB_A, BLOB_B, "src/b.ts"],
      ]),
      commit(1_767_200_000, "alice@example.com", [["A", ZERO, BLOB_A, "src/a.ts"]]),
    ].join("");
    const parsed = parseLog(raw, 30);
    expect(parsed.commits).toBe(3);
    expect(Object.fromEntries(parsed.files)).toEqual({
      "src/a.ts": { commits: 3, authors: 2, lastChange: "2026-01-03" },
      "src/b.ts": { commits: 1, authors: 1, lastChange: "2026-01-01" },
    });
  });

  // One maintainer commits from a work and a personal address under one name (h3's "by 2 authors" of one person);
  // a second person shares neither. Names and addresses join transitively: Pat's third address comes with a new name
  // but an address already seen.
  it("counts one author per person: commits sharing an address or a name are one author", () => {
    const raw = [
      commit(1_767_400_000, "pat@work.example", [["M", BLOB_A, BLOB_B, "src/a.ts"]], "Pat Doe"),
      commit(1_767_300_000, "pat@home.example", [["M", BLOB_B, BLOB_A, "src/a.ts"]], "Pat Doe"),
      commit(1_767_250_000, "pat@home.example", [["M", BLOB_A, BLOB_B, "src/a.ts"]], "pdoe"),
      commit(1_767_200_000, "sam@example.com", [["A", ZERO, BLOB_A, "src/a.ts"]], "Sam Roe"),
    ].join("");
    expect(parseLog(raw, 30).files.get("src/a.ts")).toMatchObject({ commits: 4, authors: 2 });
  });

  it("follows an exact rename (same blob deleted and added) back through older commits", () => {
    const raw = [
      commit(3000, "a@x", [
        ["D", BLOB_A, ZERO, "old/name.ts"],
        ["A", ZERO, BLOB_A, "new/name.ts"],
      ]),
      commit(2000, "a@x", [["M", BLOB_B, BLOB_A, "old/name.ts"]]),
      commit(1000, "a@x", [["A", ZERO, BLOB_B, "old/name.ts"]]),
    ].join("");
    expect([...parseLog(raw, 30).files.keys()]).toEqual(["new/name.ts"]);
    expect(parseLog(raw, 30).files.get("new/name.ts")?.commits).toBe(3);
  });

  it("keeps a sweep, a commit of more than maxCommitFiles files, out of the change sets and of each file's counts", () => {
    // The newer commit, by b@x, touches 3 files (a sweep at maxCommitFiles 2); the older, by a@x, 2 files.
    const raw = [
      commit(1_767_400_000, "b@x", [
        ["M", BLOB_A, BLOB_B, "a.ts"],
        ["M", BLOB_A, BLOB_B, "b.ts"],
        ["M", BLOB_A, BLOB_B, "c.ts"],
      ]),
      commit(1_767_300_000, "a@x", [
        ["M", BLOB_B, BLOB_A, "a.ts"],
        ["M", BLOB_B, BLOB_A, "b.ts"],
      ]),
    ].join("");
    const parsed = parseLog(raw, 2);
    expect(parsed.commits).toBe(2);
    expect(parsed.changeSets).toEqual([["a.ts", "b.ts"]]);
    expect(parsed.files.get("a.ts")).toEqual({ commits: 1, authors: 1, lastChange: "2026-01-03" });
    // c.ts was only swept: no change counted, no author, but dated.
    expect(parsed.files.get("c.ts")).toEqual({ commits: 0, authors: 0, lastChange: "2026-01-03" });
    // Without the limit both commits count.
    expect(parseLog(raw, 30).files.get("a.ts")).toEqual({ commits: 2, authors: 2, lastChange: "2026-01-03" });
  });

  it("reads paths with spaces and non-ASCII characters as git wrote them", () => {
    const raw = commit(1000, "a@x", [["A", ZERO, BLOB_A, "src/naïve file.ts"]]);
    expect([...parseLog(raw, 30).files.keys()]).toEqual(["src/naïve file.ts"]);
  });
});

describe("windowStart", () => {
  const head = Date.parse("2026-03-31T12:00:00Z");
  it.each([
    ["12 months", "2025-03-31T12:00:00.000Z"],
    ["1 month", "2026-03-03T12:00:00.000Z"],
    ["90 days", "2025-12-31T12:00:00.000Z"],
    ["2 weeks", "2026-03-17T12:00:00.000Z"],
    ["1 year", "2025-03-31T12:00:00.000Z"],
    ["2026-01-01", "2026-01-01T00:00:00.000Z"],
  ])("%s before 2026-03-31 starts at %s", (window, expected) => {
    expect(new Date(windowStart(window, head)).toISOString()).toBe(expected);
  });
});
