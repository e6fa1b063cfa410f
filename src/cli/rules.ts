import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Table from "cli-table3";
import type { Command } from "commander";
import { Option } from "commander";
import { z } from "zod";
import { UsageError } from "../errors.js";
import { PACKAGE_ROOT } from "../version.js";
import { findRule, RULES, type Rule } from "../../rules/index.js";
import type { CliIO } from "./io.js";
import { editDistance } from "../distance.js";

/** Registers `groundwork rules` and `groundwork explain <rule>`. */
export function registerRules(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  program
    .command("rules")
    .description("list every rule with its category, default severity and what it checks")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .action((flags: { format: "text" | "json" }) => {
      io.stdout.write(flags.format === "json" ? `${JSON.stringify(RULES.map(describe), null, 2)}\n` : `${table(io)}\n`);
      setExitCode(0);
    });
  program
    .command("explain")
    .description("print a rule's documentation: why an agent cares, failing and passing examples, options")
    .argument("<rule>", "rule id, e.g. docs/exported-symbol-doc")
    .action(async (id: string) => {
      const rule = findRule(id) ?? RULES.find((candidate) => candidate.id.endsWith(`/${id}`));
      if (!rule) throw new UsageError(`unknown rule ${id}${suggestion(id)}; \`groundwork rules\` lists them`);
      const docs = await readFile(join(PACKAGE_ROOT, rule.docsPath), "utf8").catch(() => null);
      io.stdout.write(`${rule.id} · ${rule.category} · ${rule.severity} by default · effort ${rule.effort}\n\n`);
      io.stdout.write(docs ?? `${rule.description}\n\nWhy an agent cares: ${rule.why}\n`);
      setExitCode(0);
    });
}

function describe(rule: Rule): Record<string, unknown> {
  return {
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    weight: rule.weight,
    effort: rule.effort,
    action: rule.action,
    description: rule.description,
    why: rule.why,
    options: z.toJSONSchema(rule.optionsSchema, { io: "input" }),
  };
}

function table(io: CliIO): string {
  const width = Math.max(80, Math.min(io.stdout.columns ?? 100, 160));
  const output = new Table({
    head: ["Rule", "Category", "Default", "Checks"],
    colWidths: [34, 13, 9, Math.max(30, width - 34 - 13 - 9 - 5)],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const rule of RULES) output.push([rule.id, rule.category, rule.severity, rule.description]);
  return output.toString();
}

/** The rule a mistyped id most likely meant: one containing its name, else the nearest by edit distance (at most 3). */
function suggestion(id: string): string {
  const name = id.split("/").pop() ?? id;
  const containing = RULES.map((rule) => rule.id).find((candidate) => candidate.includes(name));
  const nearest = RULES.map((rule) => ({
    id: rule.id,
    distance: Math.min(editDistance(id, rule.id), editDistance(name, rule.id.split("/").pop() ?? rule.id)),
  })).sort((a, b) => a.distance - b.distance)[0];
  const close = containing ?? (nearest && nearest.distance <= 3 ? nearest.id : undefined);
  return close ? ` (did you mean ${close}?)` : "";
}
