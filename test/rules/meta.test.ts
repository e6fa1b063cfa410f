import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RULES } from "../../rules/index.js";
import { REPO_ROOT } from "../helpers/fixtures.js";

async function ruleFilesOnDisk(): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of await readdir(join(REPO_ROOT, "rules"), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of await readdir(join(REPO_ROOT, "rules", entry.name))) {
      if (file.endsWith(".ts")) ids.push(`${entry.name}/${file.replace(/\.ts$/, "")}`);
    }
  }
  return ids.sort();
}

function optionKeys(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: "input" });
  return typeof json.properties === "object" ? Object.keys(json.properties) : [];
}

describe("rule catalogue", () => {
  it("registers exactly the rule files under rules/<category>/", async () => {
    expect(RULES.map((rule) => rule.id).sort()).toEqual(await ruleFilesOnDisk());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))("%s is complete", async (id, rule) => {
    expect(id.split("/")[0]).toBe(rule.category);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.why).toMatch(/^[A-Z`].{20,}\.$/);
    for (const message of Object.values(rule.messages)) {
      expect(message.message.length).toBeGreaterThan(10);
      expect(message.fix.length).toBeGreaterThan(20);
    }
    const testFile = join(REPO_ROOT, "test", "rules", `${id}.test.ts`);
    expect(existsSync(testFile)).toBe(true);
    // The test runs the rule on at least one fixture repository (scanned, copied, or named where a helper
    // builds its history), and every fixture it names exists.
    const text = await readFile(testFile, "utf8");
    const fixtures = [
      ...[...text.matchAll(/(?:scanFixture|copyFixture)\("([^"]+)"/g)].map((match) => match[1]),
      ...[...text.matchAll(/fixtures\/([\w-]+\/[\w./-]*[\w-])/g)].map((match) => match[1]),
    ];
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fixture of fixtures) expect(existsSync(join(REPO_ROOT, "fixtures", fixture ?? "")), fixture).toBe(true);
    const docs = await readFile(join(REPO_ROOT, rule.docsPath), "utf8");
    expect(docs.startsWith(`# ${id}\n`)).toBe(true);
    for (const key of optionKeys(rule.optionsSchema)) expect(docs).toContain(`\`${key}\``);
    // What `groundwork explain` promises: why an agent cares, failing and passing examples, the options.
    for (const section of ["**Why an agent cares:**", "**Fails", "**Passes", "**Options:**"]) {
      expect(docs, `${rule.docsPath} has ${section}`).toContain(section);
    }
  });

  it("lists every rule in docs/rules/README.md", async () => {
    const index = await readFile(join(REPO_ROOT, "docs/rules/README.md"), "utf8");
    for (const rule of RULES) {
      const row = index.split("\n").find((line) => line.startsWith(`| [${rule.id}](${rule.id}.md)`));
      const cells = row?.split("|").map((cell) => cell.trim());
      // | rule | category | default | effort | checks |
      expect(cells?.slice(2, 5), rule.id).toEqual([rule.category, rule.severity, rule.effort]);
    }
  });
});
