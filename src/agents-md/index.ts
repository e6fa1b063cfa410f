/**
 * AGENTS.md scaffolding: builds the file from verified facts, and regenerates
 * only its marked sections on update.
 *
 * May: read facts. May not: write files or print (the CLI does), invent content.
 */
import type { Facts } from "../facts/index.js";
import { care, commands, conventions, layout, overview, TEAM_SECTIONS, type Scope, type Section } from "./sections.js";

/** Options of the scaffold. */
export interface ScaffoldOptions {
  /** Repo-relative folder the file is for ("" for the root). */
  dir: string;
  /** Upper bound on the file's length in lines. */
  maxLines: number;
}

const BEGIN = (id: string): string => `<!-- groundwork:begin ${id} -->`;
const END = (id: string): string => `<!-- groundwork:end ${id} -->`;
const MARKER = /^<!-- groundwork:(begin|end) ([a-z-]+) -->$/;
const HEADER = [
  "# AGENTS.md",
  "",
  "<!-- Sections between groundwork markers are generated from the repository by `groundwork init --update`; edit outside them. -->",
];

/** The generated sections, shortened until the whole file fits `maxLines`. */
export function generateSections(facts: Facts, options: ScaffoldOptions): Section[] {
  for (let listLimit = 12; listLimit >= 1; listLimit -= 1) {
    const sections = buildSections(facts, { dir: options.dir, listLimit });
    if (render(sections).split("\n").length <= options.maxLines || listLimit === 1) return sections;
  }
  return [];
}

/** A new AGENTS.md. */
export function scaffold(facts: Facts, options: ScaffoldOptions): string {
  return render(generateSections(facts, options));
}

/**
 * An existing AGENTS.md with its generated sections replaced and every line
 * outside the markers kept. Generated sections it does not have yet are added
 * at the end, after the human-written content.
 */
export function updateMarked(existing: string, sections: readonly Section[]): string {
  const lines = existing.replace(/\r\n/g, "\n").split("\n");
  const byId = new Map(sections.map((section) => [section.id, section]));
  const placed = new Set<string>();
  const out: string[] = [];
  let skipping: string | null = null;
  for (const line of lines) {
    const marker = MARKER.exec(line.trim());
    if (marker?.[1] === "begin" && marker[2]) {
      skipping = marker[2];
      const section = byId.get(skipping);
      if (section) {
        out.push(...wrap(section));
        placed.add(section.id);
      }
      continue;
    }
    if (marker?.[1] === "end" && marker[2] === skipping) {
      skipping = null;
      continue;
    }
    if (skipping === null) out.push(line);
  }
  const missing = sections.filter((section) => !placed.has(section.id));
  if (missing.length > 0) {
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    for (const section of missing) out.push("", ...wrap(section));
    out.push("");
  }
  return out.join("\n");
}

function buildSections(facts: Facts, scope: Scope): Section[] {
  const readme = scope.dir === "" ? (facts.readme?.firstParagraph ?? null) : null;
  return [
    overview(facts, scope, readme),
    commands(facts, scope),
    layout(facts, scope),
    conventions(facts, scope),
    care(facts, scope),
  ].filter((section): section is Section => section !== null);
}

/** A section between its markers, with the blank lines Markdown formatters (Prettier) keep around them. */
function wrap(section: Section): string[] {
  return [BEGIN(section.id), "", ...section.lines, "", END(section.id)];
}

function render(sections: readonly Section[]): string {
  const lines = [...HEADER];
  for (const section of sections) lines.push("", ...wrap(section));
  lines.push("", ...TEAM_SECTIONS, "");
  return lines.join("\n");
}

export type { Section } from "./sections.js";
