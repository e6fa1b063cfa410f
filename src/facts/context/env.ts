import type { ModuleFacts } from "../modules/index.js";
import type { ContextDocument } from "./documents.js";
import type { PackageFact } from "./packages.js";
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
  // Proxies, as curl, Node.js (NODE_USE_ENV_PROXY) and most HTTP clients read them.
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
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
  "NODE_COMPILE_CACHE_PORTABLE",
  "NODE_DISABLE_COMPILE_CACHE",
  "NODE_DEBUG_NATIVE",
  "NODE_ICU_DATA",
  "NODE_PENDING_PIPE_INSTANCES",
  "NODE_REPL_EXTERNAL_MODULE",
  "NODE_USE_ENV_PROXY",
  "NODE_USE_SYSTEM_CA",
  "NODE_TEST_CONTEXT",
  "NODE_UNIQUE_ID",
  // What child_process.fork sets for the child's IPC channel.
  "NODE_CHANNEL_FD",
  "NODE_CHANNEL_SERIALIZATION_MODE",
  "UV_THREADPOOL_SIZE",
  "UV_USE_IO_URING",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "OPENSSL_CONF",
  "NO_COLOR",
  "FORCE_COLOR",
  "DEBUG",
  "INIT_CWD",
  // Test runners: vitest sets TEST and VITEST (and VITEST_* for its mode, pool and worker), jest and Playwright their workers'.
  "TEST",
  "VITEST",
  "JEST_WORKER_ID",
  "TEST_WORKER_INDEX",
  "TEST_PARALLEL_INDEX",
  // CI systems and hosts.
  "CI",
  "CONTINUOUS_INTEGRATION",
  "GITLAB_CI",
  "CIRCLECI",
  "TRAVIS",
  "BUILDKITE",
  "TF_BUILD",
  "JENKINS_URL",
  "APPVEYOR",
  "DRONE",
  "SEMAPHORE",
  "NETLIFY",
  "NETLIFY_DEV",
  "NETLIFY_LOCAL",
  "NETLIFY_IMAGES_CDN_DOMAIN",
  "VERCEL",
  "CF_PAGES",
  // Vite's import.meta.env built-ins.
  "MODE",
  "DEV",
  "PROD",
  "SSR",
  "BASE_URL",
]);
/**
 * Prefixes reserved by npm (`npm_package_*`, `npm_config_*`, `npm_lifecycle_event`), vitest (`VITEST_*`), GitHub
 * Actions (`GITHUB_*`, `RUNNER_*`, `ACTIONS_*`), GitLab (`CI_*`), other CI systems and hosts (Vercel, Cloudflare Pages).
 */
const PROVIDED_PREFIX =
  /^(?:npm_|VITEST_|GITHUB_|RUNNER_|ACTIONS_|CI_|CIRCLE_|TRAVIS_|BUILDKITE_|BITBUCKET_|APPVEYOR_|CODEBUILD_|DRONE_|SEMAPHORE_|VERCEL_|CF_PAGES_)/;
/** Vercel's system variables as it exposes them to a framework's client code (`NEXT_PUBLIC_VERCEL_ENV`, `VITE_VERCEL_URL`). */
const FRAMEWORK_VERCEL =
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*?_VERCEL_(?:ENV|TARGET_ENV|URL|BRANCH_URL|PROJECT_PRODUCTION_URL|REGION|DEPLOYMENT_ID|GIT_[A-Z0-9_]+)$/;
/** Not set by GitHub Actions, whatever the prefix: a workflow passes the token in from `secrets.GITHUB_TOKEN`, and elsewhere it is a setting. */
const NOT_PROVIDED = new Set(["GITHUB_TOKEN"]);
/**
 * Netlify's read-only build variables with names that mean something else
 * elsewhere (`URL`, `CONTEXT`, `BRANCH`): provided only in a repository that
 * deploys to Netlify (a `netlify.toml`, or a Netlify package among its dependencies).
 */
const NETLIFY_BUILD = new Set([
  "BUILD_ID",
  "CONTEXT",
  "REPOSITORY_URL",
  "BRANCH",
  "HEAD",
  "COMMIT_REF",
  "CACHED_COMMIT_REF",
  "PULL_REQUEST",
  "REVIEW_ID",
  "URL",
  "DEPLOY_URL",
  "DEPLOY_PRIME_URL",
  "DEPLOY_ID",
  "SITE_NAME",
  "SITE_ID",
]);
const NETLIFY_CONFIG = /(?:^|\/)netlify\.toml$/;
const NETLIFY_PACKAGE = /^(?:netlify|netlify-cli|@netlify\/[\w.-]+)$/;

/** An environment variable the source code reads, where it is first read, and whether it is documented. */
export interface EnvVarFact {
  name: string;
  file: string;
  line: number;
  column: number;
  isDocumented: boolean;
}

/** Whether a variable is one the environment provides wherever the code runs (`CI`, `GITHUB_*`, `NODE_ENV`, `HOME`, …). */
export function isProvidedEnv(name: string): boolean {
  if (NOT_PROVIDED.has(name)) return false;
  return PROVIDED.has(name) || PROVIDED_PREFIX.test(name) || FRAMEWORK_VERCEL.test(name);
}

/** The repository's files and packages, for the hosts it deploys to. */
export interface EnvRepository {
  files: Iterable<string>;
  packages: readonly PackageFact[];
}

/** Whether the repository deploys to Netlify: a `netlify.toml`, or a Netlify package among the dependencies. */
function deploysToNetlify(repository: EnvRepository): boolean {
  for (const path of repository.files) if (NETLIFY_CONFIG.test(path)) return true;
  return repository.packages.some((pkg) => pkg.dependencies.some((name) => NETLIFY_PACKAGE.test(name)));
}

/**
 * Variables product code reads, each once at its first read, and whether an
 * env file, a contributor doc, a context file or a README names it. Left out:
 * variables the environment provides (and, in a repository that deploys to
 * Netlify, Netlify's build variables), those product code sets or removes
 * itself (for its own reads, or for a child process it starts), those a
 * package.json script sets, and switches a test sets whose name says they are
 * for tests (`_VITE_TEST_CLI`). Variables read only by tests, fixtures,
 * examples, benchmarks or scripts are not read here at all.
 */
export function collectEnvVars(
  modules: readonly ModuleFacts[],
  documents: readonly ContextDocument[],
  project: ProjectFact,
  repository: EnvRepository,
): EnvVarFact[] {
  const sources = modules.filter((module) => module.kind === "source" && !module.parseError);
  const documented = new Set(project.documentedEnv);
  for (const document of documents) for (const name of document.constants) documented.add(name);
  const setByCode = new Set(sources.flatMap((module) => module.envWrites ?? []));
  const setByTests = new Set(
    modules.filter((module) => module.kind === "test").flatMap((module) => module.envWrites ?? []),
  );
  const isNetlify = deploysToNetlify(repository);
  const isLeftOut = (name: string): boolean =>
    isProvidedEnv(name) ||
    (isNetlify && NETLIFY_BUILD.has(name)) ||
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
