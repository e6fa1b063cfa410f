import { describe, expect, it } from "vitest";
import { mapToModules } from "../../../src/facts/coverage/index.js";
import {
  CoverageFormatError,
  readIstanbulFinal,
  readIstanbulSummary,
  readLcov,
} from "../../../src/facts/coverage/readers.js";

describe("coverage readers", () => {
  it("counts lcov DA records, a line run when any of its records has hits", () => {
    const lcov = "TN:\nSF:src/a.ts\nDA:1,3\nDA:2,0\nDA:2,1\nDA:5,0\nLF:3\nLH:2\nend_of_record\n";
    expect(Object.fromEntries(readLcov(lcov))).toEqual({ "src/a.ts": { covered: 2, total: 3 } });
  });

  it("falls back to LF/LH when an lcov record has no DA lines", () => {
    expect(Object.fromEntries(readLcov("SF:b.ts\nLF:10\nLH:4\nend_of_record\n"))).toEqual({
      "b.ts": { covered: 4, total: 10 },
    });
  });

  it("reads istanbul statements by their start line", () => {
    const final = {
      "/abs/src/a.ts": {
        path: "/abs/src/a.ts",
        statementMap: { 0: { start: { line: 2 } }, 1: { start: { line: 2 } }, 2: { start: { line: 4 } } },
        s: { 0: 0, 1: 5, 2: 0 },
      },
    };
    expect(Object.fromEntries(readIstanbulFinal(final))).toEqual({ "/abs/src/a.ts": { covered: 1, total: 2 } });
  });

  it("reads the summary's line totals and ignores `total`", () => {
    const summary = { total: { lines: { total: 9, covered: 3 } }, "src/a.ts": { lines: { total: 9, covered: 3 } } };
    expect(Object.fromEntries(readIstanbulSummary(summary))).toEqual({ "src/a.ts": { covered: 3, total: 9 } });
  });

  it.each([
    [() => readLcov("DA:1,1\n"), "line 1: DA record before any SF record"],
    [() => readLcov("TN:\n"), "no SF…end_of_record records"],
    [() => readIstanbulFinal([]), "the report is not a JSON object"],
    [() => readIstanbulFinal({ "a.ts": { statementMap: {} } }), "a.ts: no statementMap or s"],
    [() => readIstanbulSummary({ total: {} }), "no files in the report"],
  ])("rejects a malformed report: %s", (read, message) => {
    expect(read).toThrow(new CoverageFormatError(message));
  });
});

describe("report paths", () => {
  it("maps paths inside the root, relative paths and another machine's absolute paths to the scanned files", () => {
    const files = new Map([
      ["/repo/src/a.ts", { covered: 1, total: 2 }],
      ["src/b.ts", { covered: 2, total: 2 }],
      ["/home/runner/work/app/app/src/c.ts", { covered: 0, total: 4 }],
      ["/elsewhere/unknown.ts", { covered: 1, total: 1 }],
    ]);
    expect(Object.fromEntries(mapToModules("/repo", files, ["src/a.ts", "src/b.ts", "src/c.ts"]))).toEqual({
      "src/a.ts": { covered: 1, total: 2 },
      "src/b.ts": { covered: 2, total: 2 },
      "src/c.ts": { covered: 0, total: 4 },
    });
  });
});
