import type { ModuleFacts } from "../modules/index.js";
import type { ContextDocument } from "./documents.js";
import type { ProjectFact } from "./project.js";

/**
 * Variables the environment provides whoever runs the code: the operating
 * system and shell, Node.js, npm, the test runners, CI systems and hosts, and
 * what bundlers define themselves. The sources are listed on the rule's docs
 * page (docs/rules/context/undocumented-env.md); nobody documents these in a
 * project's `.env.example`.
 */
const PROVIDED = new Set([
  // Operating system and shell (POSIX, Windows, XDG base directories).
  "HOME",
  "PATH",
  "PWD",
  "OLDPWD",
  "USER",
  "LOGNAME",
  "SHELL",
  "HOSTNAME",
  "TMPDIR",
  "TEMP",
  "TMP",
  "LANG",
  "LANGUAGE",
  "LC_ALL",
  "LC_CTYPE",
  "TERM",
  "COLORTERM",
  "TERM_PROGRAM",
  "EDITOR",
  "VISUAL",
  "TZ",
  "USERPROFILE",
  "APPDATA",
  "LOCALAPPDATA",
  "COMSPEC",
  "PATHEXT",
  "SYSTEMROOT",
  "WINDIR",
  "XDG_CONFIG_HOME",
  "XDG_CACHE_HOME",
  "XDG_DATA_HOME",
  "XDG_STATE_HOME",
  "XDG_RUNTIME_DIR",
  // Node.js (its CLI documentation's environment variables) and conventions its tools share.
  "NODE_ENV",
  "NODE_OPTIONS",
  "NODE_DEBUG",
  "NODE_PATH",
  "NODE_EXTRA_CA_CERTS",
  "NODE_NO_WARNINGS",
  "NODE_TLS_REJECT_UNAUTHORIZED",
  "NODE_V8_COVERAGE",
  "NODE_DISABLE_COLORS",
  "NODE_PENDING_DEPRECATION",
  "NODE_PRESERVE_SYMLINKS",
  "NODE_REDIRECT_WARNINGS",
  "NODE_REPL_HISTORY",
  "NODE_SKIP_PLATFORM_CHECK",
  "NODE_COMPILE_CACHE",
  "NODE_TEST_CONTEXT",
  "NODE_UNIQUE_ID",
  "UV_THREADPOOL_SIZE",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "OPENSSL_CONF",
  "NO_COLOR",
  "FORCE_COLOR",
  "DEBUG",
  "INIT_CWD",
  // Test runners: vitest sets TEST and VITEST (and a pool and worker id), jest its worker id.
  "TEST",
  "VITEST",
  "VITEST_POOL_ID",
  "VITEST_WORKER_ID",
  "JEST_WORKER_ID",
  // CI systems and hosts.
  "CI",
  "CONTINUOUS_INTEGRATION",
  "GITLAB_CI",
  "CIRCLECI",
  "TRAVIS",
  "BUILDKITE",
  "TF_BUILD",
  "JENKINS_URL",
  "NETLIFY",
  "VERCEL",
  // Vite's import.meta.env built-ins.
  "MODE",
  "DEV",
  "PROD",
  "SSR",
  "BASE_URL",
]);
/** Prefixes reserved by npm (`npm_package_*`, `npm_config_*`), GitHub Actions (`GITHUB_*`, `RUNNER_*`), GitLab (`CI_*`) and other CI systems. */
const PROVIDED_PREFIX = /^(?:npm_|GITHUB_|RUNNER_|CI_|CIRCLE_|TRAVIS_|BUILDKITE_|VERCEL_)/;

/** An environment variable the source code reads, where it is first read, and whether it is documented. */
export interface EnvVarFact {
  name: string;
  file: string;
  line: number;
  column: number;
  isDocumented: boolean;
}

/** Whether a variable is one the environment provides (`CI`, `GITHUB_*`, `NODE_ENV`, `HOME`, …). */
export function isProvidedEnv(name: string): boolean {
  return PROVIDED.has(name) || PROVIDED_PREFIX.test(name);
}

/**
 * Variables product code reads, each once at its first read, and whether an
 * env file, a contributor doc, a context file or a README names it. Left out:
 * variables the environment provides, those product code sets itself (for
 * its own reads, or for a child process it starts), those a package.json
 * script sets, and switches a test sets whose name says they are for tests
 * (`_VITE_TEST_CLI`). Variables read only by tests are not read here at all.
 */
export function collectEnvVars(
  modules: readonly ModuleFacts[],
  documents: readonly ContextDocument[],
  project: ProjectFact,
): EnvVarFact[] {
  const sources = modules.filter((module) => module.kind === "source" && !module.parseError);
  const documented = new Set(project.documentedEnv);
  for (const document of documents) for (const name of document.constants) documented.add(name);
  const setByCode = new Set(sources.flatMap((module) => module.envWrites ?? []));
  const setByTests = new Set(
    modules.filter((module) => module.kind === "test").flatMap((module) => module.envWrites ?? []),
  );
  const isLeftOut = (name: string): boolean =>
    isProvidedEnv(name) ||
    setByCode.has(name) ||
    project.scriptEnv.has(name) ||
    (setByTests.has(name) && /(?:^|_)TESTS?(?:_|$)/.test(name));
  const seen = new Map<string, EnvVarFact>();
  for (const module of sources) {
    for (const read of module.envReads) {
      if (seen.has(read.name) || isLeftOut(read.name)) continue;
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
