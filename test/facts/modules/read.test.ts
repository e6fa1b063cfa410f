import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSource } from "../../../src/facts/modules/read.js";
import { temporaryDir } from "../../helpers/fixtures.js";

/** A 3,000-character text of `lines` lines (lines - 1 newlines), the newlines where `place` puts them. */
function text(lines: number, place: "spread" | "at end"): string {
  const body = 3000 - (lines - 1);
  if (place === "at end") return "a".repeat(body) + "\n".repeat(lines - 1);
  const short = Math.floor(body / lines);
  const parts = Array.from({ length: lines }, (_, index) =>
    "a".repeat(index === lines - 1 ? body - short * (lines - 1) : short),
  );
  return parts.join("\n");
}

describe("modules fact: reading a source", () => {
  it("calls a file minified when its average line is over 300 characters, wherever its newlines are", async () => {
    const dir = await temporaryDir();
    const verdict = async (content: string) => {
      expect(content).toHaveLength(3000);
      await writeFile(join(dir, "bundle.js"), content);
      const read = readSource(join(dir, "bundle.js"));
      return read.kind === "skip" ? read.reason : "text";
    };
    // 10 lines of 3,000 characters average exactly 300: kept; 9 lines average 333: minified.
    expect(await verdict(text(10, "spread"))).toBe("text");
    expect(await verdict(text(9, "spread"))).toBe("minified");
    expect(await verdict(text(10, "at end"))).toBe("text");
    expect(await verdict(text(9, "at end"))).toBe("minified");
  });
});
