import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/index.js";
import { RULES } from "../../rules/index.js";
import { findingsOf, REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { writeFiles } from "../helpers/git.js";

/** Rules whose documented examples are whole single files: each is scanned as written. */
const RUNNABLE = [
  "docs/exported-symbol-doc",
  "interfaces/complexity",
  "interfaces/explicit-return-type",
  "interfaces/max-params",
  "interfaces/no-any-in-signature",
];

interface Example {
  code: string;
  options: unknown;
}

/** The first ```ts block after `**Fails:**` or `**Passes:**`, with the options `**Fails** (options `{…}`):` names. */
function example(docs: string, heading: "Fails" | "Passes"): Example {
  const pattern = `\\*\\*${heading}:?\\*\\*(?: \\(options \`([^\`]+)\`\\):)?[^]*?\`\`\`ts\\n([^]*?)\`\`\``;
  const match = new RegExp(pattern).exec(docs);
  if (!match?.[2]) throw new Error(`no ${heading} example`);
  return { code: match[2], options: match[1] ? JSON.parse(match[1]) : undefined };
}

async function findingsFor(ruleId: string, { code, options }: Example): Promise<number> {
  const dir = await temporaryDir();
  await writeFiles(dir, { "package.json": '{ "name": "example" }\n', "src/example.ts": code });
  const config = options === undefined ? {} : { rules: { [ruleId]: { options } } };
  return findingsOf(await analyze({ root: dir, config }), ruleId).length;
}

describe.each(RUNNABLE)("the documented examples of %s", (ruleId) => {
  const rule = RULES.find((candidate) => candidate.id === ruleId);

  it("fail and pass as the docs say", async () => {
    const docs = await readFile(join(REPO_ROOT, rule?.docsPath ?? ""), "utf8");
    expect(await findingsFor(ruleId, example(docs, "Fails"))).toBe(1);
    expect(await findingsFor(ruleId, example(docs, "Passes"))).toBe(0);
  });
});
