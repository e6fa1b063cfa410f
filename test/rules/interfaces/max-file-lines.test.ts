import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-file-lines";

describe(RULE, () => {
  it("flags a 501-line file and accepts one of exactly 500", async () => {
    const result = await scanFixture("interfaces/max-file-lines");
    expect(locationsOf(result, RULE)).toEqual(["src/long-module.ts:1:1"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe("This file has 501 lines of code (at most 500)");
  });

  it("scores the share of source lines in long files", async () => {
    const result = await scanFixture("interfaces/max-file-lines");
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    // 501 of 1001 lines are in the long file: 100 × 500 / 1001 = 49.95.
    expect(check).toMatchObject({ examined: 1001, failed: 501, score: 50 });
  });

  // max-file-lines-one-export/src/use-list.ts: 512 lines (506 of code), one export (useList) built from append (lines 5-206),
  // prepend (208-359), insert (361-462) and swap (464-505), all declared inside useList and pushing to its local
  // `items`. use-queue.ts: 511 lines, one export (useQueue, lines 503-511) that calls module-level functions taking
  // the queue: enqueue (1-202), dequeue (204-355), peek (357-458), drain (460-501). Splitting "by exports" does not
  // apply to either; only the module-level functions move as they are. use-stack.ts (512 lines) has both: push
  // (157-508) inside useStack, compact (1-152) at module level.
  it("tells a file with one export how the functions it is built from move out: closures are its parts, the others as they are", async () => {
    const result = await scanFixture("interfaces/max-file-lines-one-export");
    expect(findingsOf(result, RULE).map((finding) => [finding.file, finding.message, finding.fix])).toEqual([
      [
        "src/use-list.ts",
        "This file has 506 lines of code (at most 500)",
        "The file is essentially one export, 'useList', built from functions inside it ('append', lines 5-206; 'prepend', lines 208-359; 'insert', lines 361-462): they are closures over its local state, its parts already, and moving them out would thread that state through every call; shorten the longest of them where one holds a step of its own.",
      ],
      [
        "src/use-queue.ts",
        "This file has 506 lines of code (at most 500)",
        "The file is essentially one export, 'useQueue', so it does not split by exports: move the largest parts it is built from into modules of their own beside it and import them ('enqueue', lines 1-202; 'dequeue', lines 204-355; 'peek', lines 357-458).",
      ],
      [
        "src/use-stack.ts",
        "This file has 510 lines of code (at most 500)",
        "The file is essentially one export, 'useStack', built from functions inside it ('push', lines 157-508): they are closures over its local state, its parts already, and moving them out would thread that state through every call; shorten the longest of them where one holds a step of its own; move the module-level functions ('compact', lines 1-152) into modules of their own beside it, as they are.",
      ],
    ]);
  });

  // max-file-lines-shapes: use-list.ts (518 lines, 513 of code) exports ListOptions and useList, which spans lines 7-518 and is
  // built from append (9-310) and remove (312-513); part-options.ts (647 lines, 504 of code) holds 72 interfaces, no function.
  it("treats an export that is most of the file as the file, and gives a declarations-only file its own fix", async () => {
    const findings = findingsOf(await scanFixture("interfaces/max-file-lines-shapes"), RULE);
    expect(findings.map((finding) => [finding.file, finding.message, finding.fix])).toEqual([
      [
        "src/part-options.ts",
        "This file has 504 lines of code (at most 500)",
        "The file holds declarations and data only, no functions: split them by topic into modules beside it (re-exported from this one if callers need one entry point), or generate the long lists from a data file.",
      ],
      [
        "src/use-list.ts",
        "This file has 513 lines of code (at most 500)",
        "The file is essentially one export, 'useList', built from functions inside it ('append', lines 9-310; 'remove', lines 312-513): they are closures over its local state, its parts already, and moving them out would thread that state through every call; shorten the longest of them where one holds a step of its own.",
      ],
    ]);
  });

  // max-file-lines-data: media-types.ts (605 lines) is a union of 600 string literals and one `AnyString` member;
  // status-texts.ts (523 lines) one `as const` table of 130 nested entries; router.ts (583 lines, 563 non-blank, 562 of code) a
  // 302-line array of names beside 20 exported functions; server.ts 40 lines, 39 of code.
  it("does not report or examine a module of literal data, and reports code beside a big constant", async () => {
    const result = await scanFixture("interfaces/max-file-lines-data");
    expect(findingsOf(result, RULE).map((finding) => [finding.file, finding.message])).toEqual([
      ["src/router.ts", "This file has 562 lines of code (at most 500)"],
    ]);
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    // In lines of code: router 562 + server 39 examined; 100 × 39 / 601 = 6.5.
    expect(check).toMatchObject({ examined: 601, failed: 562, score: 6.5 });
  });

  // max-file-lines-comments: documented.ts is 40 functions of 12 code lines, each under a 3-line doc comment (600
  // lines, 480 of code); dense.ts is 5 functions of 101 code lines under 2 comment lines each (515 lines, 505 of code).
  it("counts lines of code: doc comments do not push a file over, and `count: all` counts every line", async () => {
    const result = await scanFixture("interfaces/max-file-lines-comments");
    expect(findingsOf(result, RULE).map((finding) => [finding.file, finding.message])).toEqual([
      ["src/dense.ts", "This file has 505 lines of code (at most 500)"],
    ]);
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    // 100 × 480 / 985 = 48.7.
    expect(check).toMatchObject({ examined: 985, failed: 505, score: 48.7 });
    const all = await scanFixture("interfaces/max-file-lines-comments", {
      rules: { [RULE]: { options: { count: "all" } } },
    });
    expect(findingsOf(all, RULE).map((finding) => [finding.file, finding.message])).toEqual([
      ["src/dense.ts", "This file has 515 lines (at most 500)"],
      ["src/documented.ts", "This file has 600 lines (at most 500)"],
    ]);
  });

  // max-file-lines-private-parts: store.ts (521 lines, 515 of code) exports VERSION and createStore (lines 5-15);
  // the rest is three functions it does not export: readState (17-267), writeState (269-419), mountState (421-521).
  // api.ts (557 lines, 546 of code) is six exported functions of 91 lines. hooks.ts (523 lines, 518 of code) exports
  // trackResult (2-13) and, tagged @internal, createRootHooks (18-523), built from useQuery (19-322) and useMutation
  // (323-506), which read its `config`, and format (507-521), which reads only its own parameter.
  it("splits a file whose bulk is functions it does not export by those, one of exports by its exports, and one that is an @internal export by its parts", async () => {
    const findings = findingsOf(await scanFixture("interfaces/max-file-lines-private-parts"), RULE);
    expect(findings.map((finding) => [finding.file, finding.message, finding.fix])).toEqual([
      [
        "src/api.ts",
        "This file has 546 lines of code (at most 500)",
        "Split the file by responsibility: move each cohesive group of exports into its own module and re-export them if callers need one entry point.",
      ],
      [
        "src/hooks.ts",
        "This file has 518 lines of code (at most 500)",
        "The file is essentially one export, 'createRootHooks', built from functions inside it ('useQuery', lines 19-322; 'useMutation', lines 323-506): they are closures over its local state, its parts already, and moving them out would thread that state through every call; shorten the longest of them where one holds a step of its own; move the functions inside it that read none of its variables ('format', lines 507-521) into modules of their own beside it, as they are.",
      ],
      [
        "src/store.ts",
        "This file has 515 lines of code (at most 500)",
        "Most of the file is functions it does not export: move each cohesive group of them into a module of its own beside it and import them, starting with the largest ('readState', lines 17-267; 'writeState', lines 269-419; 'mountState', lines 421-521).",
      ],
    ]);
  });
});

// max-file-lines-tabled: engine.ts and runner.ts hold the same three unexported functions (readState 2-205,
// writeState 207-390, mountState 392-555) and two short exports; engine.ts hands the three out in its exported
// PARTS array, runner.ts only calls them.
describe("interfaces/max-file-lines: parts handed out through a table", () => {
  it("does not call functions put in an exported array private, and says they go back into the table", async () => {
    const findings = findingsOf(await scanFixture("interfaces/max-file-lines-tabled"), RULE);
    const parts = "'readState', lines 2-205; 'writeState', lines 207-390; 'mountState', lines 392-555";
    expect(findings.map((finding) => [finding.file, finding.fix])).toEqual([
      [
        "src/engine.ts",
        `Most of the file is functions it hands out through an array or object of parts (the largest: ${parts}), reached from outside through that table, not private helpers: move each cohesive group of them into a module of its own beside it and import them back into the table, passing in or moving along the module state they use.`,
      ],
      [
        "src/runner.ts",
        `Most of the file is functions it does not export: move each cohesive group of them into a module of its own beside it and import them, starting with the largest (${parts}).`,
      ],
    ]);
  });
});
