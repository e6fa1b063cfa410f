import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/index.js";
import type { Finding } from "../../src/contract/result.js";
import { copyFixture } from "../helpers/fixtures.js";

/** Findings about code in src/orders.ts below its first line (the file-level ones do not move). */
function inOrders(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (finding) => finding.file === "src/orders.ts" && finding.line > 1 && !finding.message.includes("'VERSION'"),
  );
}

describe("finding fingerprints", () => {
  it("survive unrelated edits above the finding, while the line moves", async () => {
    const root = await copyFixture("scan/known-counts");
    const before = await analyze({ root, config: {} });
    const path = join(root, "src/orders.ts");
    const original = await readFile(path, "utf8");
    const inserted = "import { strict } from 'node:assert';\n\n/** Unrelated helper. */\nexport const VERSION = 2;\n\n";
    await writeFile(path, inserted + original);
    const after = await analyze({ root, config: {} });

    const shifted = inOrders(after.findings);
    expect(shifted.length).toBe(5);
    expect(shifted.map((finding) => finding.fingerprint)).toEqual(
      inOrders(before.findings).map((finding) => finding.fingerprint),
    );
    expect(shifted.map((finding) => finding.line)).toEqual(
      inOrders(before.findings).map((finding) => finding.line + 5),
    );
  });

  it("change when the finding is about different code", async () => {
    const root = await copyFixture("scan/known-counts");
    const before = await analyze({ root, config: {} });
    const path = join(root, "src/orders.ts");
    await writeFile(path, (await readFile(path, "utf8")).replace("MAX_ORDERS", "ORDER_LIMIT"));
    const after = await analyze({ root, config: {} });
    const fingerprintOf = (findings: readonly Finding[], name: string): string | undefined =>
      findings.find((finding) => finding.message.includes(`'${name}'`))?.fingerprint;
    expect(fingerprintOf(after.findings, "ORDER_LIMIT")).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf(after.findings, "ORDER_LIMIT")).not.toBe(fingerprintOf(before.findings, "MAX_ORDERS"));
  });
});
