/**
 * Globs, compiled once with picomatch, with their cost bounded. picomatch turns
 * each `*` into a lazy `[^/]*?`: a segment like `*a*a*a*a*b` backtracks
 * polynomially in the name's length (measured: 4 stars cost 1.1 s per
 * 250-character name, 5 stars 46 s, 13 stars minutes), so a glob with more
 * than three `*` in one path segment is refused, and extglobs (`+(a|aa)`, whose
 * nested quantifiers are exponential) are read literally. Each `**` segment is
 * another such loop, over the folders of a path: three of them and segments
 * such as `*a*` between took 1 s per 1,000-folder path with picomatch, and over
 * a minute with the `ignore` package that applies .gitignore files, so a glob
 * holds at most two `**` unless its other segments are literal. Adjacent `**`
 * segments mean one, and are merged first (`ignore` slows with each of them).
 *
 * May: compile and check globs. May not: read files.
 */
import picomatch from "picomatch";

/** Most `*` wildcards one path segment may hold. */
export const MAX_STARS_PER_SEGMENT = 3;

/** Most `**` segments (adjacent ones count once) a glob with a wildcard segment may hold. */
export const MAX_GLOBSTARS = 2;

/** Why `glob` is too costly to match, or null when it is fine. */
export function globCostProblem(glob: string): string | null {
  const segments = mergeGlobstars(glob).split("/");
  const globstars = segments.filter((segment) => segment === "**").length;
  if (globstars > MAX_GLOBSTARS && segments.some((segment) => segment !== "**" && /[*?[]/.test(segment))) {
    return `more than ${MAX_GLOBSTARS} "**" beside other wildcards can take minutes to match a deep path; use fewer "**"`;
  }
  for (const segment of segments) {
    if (segment === "**") continue;
    const stars = segment.replace(/\\./g, "").match(/\*+/g)?.length ?? 0;
    if (stars > MAX_STARS_PER_SEGMENT) {
      return `more than ${MAX_STARS_PER_SEGMENT} "*" in one path segment ("${segment}") can take minutes to match a long file name; use fewer wildcards`;
    }
  }
  return null;
}

/** `glob` with each run of adjacent `**` segments made one: the same paths match, faster. */
export function mergeGlobstars(glob: string): string {
  return glob.replace(/(^|\/)\*\*(?:\/\*\*)+(?=\/|$)/g, "$1**");
}

/** A matcher for repo-relative POSIX paths; dotfiles match, extglobs are literal. Check globs with globCostProblem first. */
export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch([...globs], { dot: true, noextglob: true });
}
