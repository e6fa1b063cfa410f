import type { ModuleFacts } from "../modules/index.js";
import type { ContextDocument } from "./documents.js";
import type { ProjectFact } from "./project.js";

/** Variables every environment has, and those bundlers define themselves. */
const BUILT_IN = new Set([
  "NODE_ENV",
  "CI",
  "HOME",
  "PATH",
  "PWD",
  "TZ",
  "LANG",
  "USER",
  "SHELL",
  "TMPDIR",
  "TERM",
  "NO_COLOR",
  "FORCE_COLOR",
  "DEBUG",
  "MODE",
  "DEV",
  "PROD",
  "SSR",
  "BASE_URL",
]);

/** An environment variable the source code reads, where it is first read, and whether it is documented. */
export interface EnvVarFact {
  name: string;
  file: string;
  line: number;
  column: number;
  isDocumented: boolean;
}

/**
 * Variables read by source files (not tests), each once at its first read, and
 * whether a `.env.example`-style file, a context file or a README names it.
 */
export function collectEnvVars(
  sources: readonly ModuleFacts[],
  documents: readonly ContextDocument[],
  project: ProjectFact,
): EnvVarFact[] {
  const documented = new Set(project.documentedEnv);
  for (const document of documents) for (const name of document.constants) documented.add(name);
  const seen = new Map<string, EnvVarFact>();
  for (const module of sources) {
    for (const read of module.envReads) {
      if (seen.has(read.name) || BUILT_IN.has(read.name) || read.name.startsWith("npm_")) continue;
      seen.set(read.name, {
        name: read.name,
        file: module.path,
        line: read.line,
        column: read.column,
        isDocumented: documented.has(read.name),
      });
    }
  }
  return [...seen.values()];
}
