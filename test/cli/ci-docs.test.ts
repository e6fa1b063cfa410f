import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliInProcess } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/fixtures.js";

/** The long and short flags a command's --help lists. */
async function flagsOf(command: string): Promise<Set<string>> {
  const help = (await runCliInProcess([command, "--help"], REPO_ROOT)).stdout;
  return new Set([...help.matchAll(/^\s+(?:(-\w), )?(--[\w-]+)/gm)].flatMap((match) => match.slice(1).filter(Boolean)));
}

/** Every Groundwork invocation in the YAML blocks of docs/ci.md, as [command, flags]. */
async function documentedInvocations(): Promise<Array<[string, string[]]>> {
  const docs = await readFile(join(REPO_ROOT, "docs/ci.md"), "utf8");
  const yaml = [...docs.matchAll(/```yaml\n([^]*?)```/g)].map((match) => match[1] ?? "").join("\n");
  const invocations: Array<[string, string[]]> = [];
  for (const line of yaml.split("\n")) {
    const call = /node "\$GROUNDWORK" (\w+)(.*)$/.exec(line);
    // Gate flags are gathered in a variable first, then passed to `scan`.
    const gates = /gates\+?=\(?"?(.*)$/.exec(line);
    const [command, rest] = call ? [call[1] ?? "", call[2] ?? ""] : gates ? ["scan", gates[1] ?? ""] : [null, ""];
    if (command) invocations.push([command, [...rest.matchAll(/(?:^|\s|\()(--?[a-z][\w-]*)/g)].map((m) => m[1] ?? "")]);
  }
  return invocations;
}

describe("docs/ci.md", () => {
  it("uses only commands and flags the CLI documents in its help", async () => {
    const invocations = await documentedInvocations();
    // GitHub: scan, report github, sarif, html; GitLab: scan, report markdown, html, text; and the gate lines.
    expect(invocations.filter(([command]) => command === "report")).toHaveLength(6);
    const known = new Map<string, Set<string>>();
    for (const [command, flags] of invocations) {
      if (!known.has(command)) known.set(command, await flagsOf(command));
      for (const flag of flags) expect(known.get(command), `${command} ${flag}`).toContain(flag);
    }
    const scanFlags = new Set(invocations.filter(([command]) => command === "scan").flatMap(([, flags]) => flags));
    for (const gate of ["--min-score", "--min", "--baseline-ref", "--fail-on", "--max-drop", "--format", "--output"]) {
      expect(scanFlags).toContain(gate);
    }
  });
});
