import { describe, expect, it } from "vitest";
import { outputWidth } from "../../src/cli/io.js";

describe("the width text reports fit", () => {
  const pipe = { write: () => true };
  it("is the terminal's columns on a terminal, COLUMNS elsewhere, else 80, within 80-160", () => {
    expect(outputWidth({ stdout: { ...pipe, isTTY: true, columns: 132 }, env: { COLUMNS: "90" } })).toBe(132);
    expect(outputWidth({ stdout: pipe, env: { COLUMNS: "120" } })).toBe(120);
    expect(outputWidth({ stdout: pipe, env: {} })).toBe(80);
    expect(outputWidth({ stdout: pipe, env: { COLUMNS: "wide" } })).toBe(80);
    expect(outputWidth({ stdout: { ...pipe, isTTY: true, columns: 40 }, env: {} })).toBe(80);
    expect(outputWidth({ stdout: pipe, env: { COLUMNS: "400" } })).toBe(160);
  });
});
