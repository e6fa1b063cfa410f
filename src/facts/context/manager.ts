/**
 * The repository's package manager: the root package.json's `packageManager`
 * field when it has one (Corepack's `name@version`, optionally `+sha512.…`,
 * which Corepack enforces), else the manager whose lockfile is at the root.
 */

/** The package managers whose lockfiles and command lines the scan reads. */
export type ManagerName = "npm" | "pnpm" | "yarn" | "bun";

/** Lockfiles by the manager that writes them, in order of preference when several are at the root. */
export const LOCKFILES: ReadonlyArray<[string, ManagerName]> = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"],
];

/** package.json's `packageManager` field as written, and the line it is on. */
export interface ManagerField {
  spec: string;
  line: number;
}

/** The package manager the repository uses. */
export interface PackageManagerFact {
  name: ManagerName;
  /** The version `packageManager` pins (`10.33.1`); null when the name comes from a lockfile. */
  version: string | null;
  /** That manager's lockfile at the root; null when `packageManager` names a manager whose lockfile is not there. */
  lockfile: string | null;
  /** The `packageManager` field the name comes from; null when it comes from a lockfile. */
  declared: ManagerField | null;
}

const SPEC = /^(npm|pnpm|yarn|bun)@(\d[^\s+]*)(?:\+\S+)?$/;

/**
 * A `packageManager` value read as Corepack reads it: `pnpm@10.33.1`,
 * `yarn@4.5.0+sha512.…`; null for anything else (a bare name, a tag such as
 * `pnpm@latest`, a manager Corepack does not know).
 */
export function parseManagerSpec(spec: string): { name: ManagerName; version: string } | null {
  const match = SPEC.exec(spec.trim());
  const name = match?.[1];
  const version = match?.[2];
  if (!isManagerName(name) || version === undefined) return null;
  return { name, version };
}

function isManagerName(name: string | undefined): name is ManagerName {
  return name === "npm" || name === "pnpm" || name === "yarn" || name === "bun";
}

/** The warning for a root `packageManager` value Corepack would reject, or null. */
export function managerFieldProblem(field: ManagerField | null): string | null {
  if (field === null || parseManagerSpec(field.spec) !== null) return null;
  return `package.json:${field.line}: packageManager "${field.spec}" is not name@version of npm, pnpm, yarn or bun; the lockfile decides the package manager`;
}

/**
 * The package manager: the root `packageManager` field, else the first root
 * lockfile (see {@link LOCKFILES}); null when there is neither.
 */
export function resolvePackageManager(field: ManagerField | null, paths: readonly string[]): PackageManagerFact | null {
  const present = LOCKFILES.filter(([file]) => paths.includes(file));
  const declared = field === null ? null : parseManagerSpec(field.spec);
  if (declared !== null) {
    const own = present.find(([, name]) => name === declared.name);
    return { name: declared.name, version: declared.version, lockfile: own?.[0] ?? null, declared: field };
  }
  const [first] = present;
  return first ? { name: first[1], version: null, lockfile: first[0], declared: null } : null;
}

/**
 * Whether `yarn` is yarn 2 or later (berry), which hands a script everything
 * after its name, `--` included; yarn 1 drops a `--`. Berry when
 * `packageManager` pins yarn 2 or later, or a `.yarnrc.yml` (berry's config) is at the root.
 */
export function isYarnBerry(manager: PackageManagerFact | null, paths: readonly string[]): boolean {
  if (manager?.name === "yarn" && manager.version !== null) return Number.parseInt(manager.version, 10) >= 2;
  return paths.includes(".yarnrc.yml");
}

/** The lockfile a manager writes at the root (npm's package-lock.json, bun's bun.lock). */
export function lockfileOf(name: ManagerName): string {
  return LOCKFILES.find(([, manager]) => manager === name)?.[0] ?? "package-lock.json";
}

/** The manager that writes a lockfile, by its file name. */
export function managerOfLockfile(path: string): ManagerName | null {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return LOCKFILES.find(([file]) => file === base)?.[1] ?? null;
}
