import { z } from "zod";
import { defineRule } from "../define-rule.js";
import type { ModuleFacts } from "../../src/facts/index.js";
import type { FunctionFact } from "../../src/facts/modules/index.js";
import { examineFunctions, isInside } from "../helpers.js";

/** Reports functions spanning more lines than the limit; scores by lines of function code. */
export default defineRule({
  id: "interfaces/max-function-lines",
  category: "interfaces",
  severity: "warning",
  description:
    "Functions, methods and arrow functions in source files have at most `max` lines of code (default 80; comment and blank lines do not count unless `count` is `all`); an immediately invoked function expression is not measured unless `iifes` is set, nor a `@deprecated` export. Scored as the share of function code in functions over the limit.",
  why: "A function longer than a screen is where an agent's edit breaks a branch it never read.",
  weight: 1,
  effort: "medium",
  action: { scope: "file", title: "Shorten {{count}} long function{{s}} in {{scope}}" },
  messages: {
    tooLong: {
      message: "Function '{{name}}' has {{lines}} {{unit}} (at most {{max}}){{own}}",
      fix: "Extract the steps of '{{name}}'{{ownSteps}} into named helper functions, each with one job, until it fits in {{max}} lines.",
    },
    tooLongClosures: {
      message: "Function '{{name}}' has {{lines}} {{unit}} (at most {{max}}){{own}}",
      fix: "{{most}} is the named functions declared inside it ({{inner}}), closures over its local state: they are its parts already, and moving them out would thread that state through every call; shorten the longest of them where one holds a step of its own{{also}}.",
    },
    tooLongInner: {
      message: "Function '{{name}}' has {{lines}} {{unit}} (at most {{max}}){{own}}",
      fix: "{{most}} is the named functions declared inside it ({{inner}}), which use none of its parameters or state (at most other functions declared in it that use none either): move them out beside it as they are, with any such function they call.",
    },
  },
  options: z.strictObject({
    max: z.number().int().min(1).default(80),
    /**
     * `code`: lines with code on them, as SonarQube counts a function's lines of code (ESLint's
     * max-lines-per-function with `skipBlankLines` and `skipComments`), so that the comments the
     * doc rules ask for do not push a function over; `all`: every line from the first to the last.
     */
    count: z.enum(["code", "all"]).default("code"),
    /** Measure immediately invoked function expressions too (ESLint's `IIFEs`); off, their code is the enclosing function's. */
    iifes: z.boolean().default(false),
  }),
  check({ facts, options, examine, report }) {
    const length = (fn: FunctionFact): number => (options.count === "all" ? fn.lines : (fn.codeLines ?? fn.lines));
    const measured: Array<{ module: ModuleFacts; fn: FunctionFact; weight: number }> = [];
    examineFunctions(facts, examine, (module, fn, weight) => measured.push({ module, fn, weight }), {
      iifes: options.iifes,
    });
    const longIn = new Map<ModuleFacts, FunctionFact[]>();
    const allIn = new Map<ModuleFacts, FunctionFact[]>();
    const add = (map: Map<ModuleFacts, FunctionFact[]>, module: ModuleFacts, fn: FunctionFact) => {
      const list = map.get(module);
      if (list) list.push(fn);
      else map.set(module, [fn]);
    };
    for (const { module, fn } of measured) {
      add(allIn, module, fn);
      // Long, or a member of an object literal with lines of its own: measured on their own, not again in the
      // function around them (a one-line `union: (b) => union(base, b)` is part of the line that returns it).
      if (length(fn) > options.max || (fn.isObjectMember === true && fn.lines > 1)) add(longIn, module, fn);
    }
    for (const { module, fn, weight } of measured) {
      const beyond = lengthBeyond(fn, longIn.get(module) ?? [], length);
      if (length(fn) <= options.max || beyond <= options.max) continue;
      // The members of an object it builds are reached through that object: no part to move out.
      const inner = namedInside(fn, allIn.get(module) ?? [], length).filter((each) => each.isObjectMember !== true);
      // A one-line accessor is no part worth naming.
      const named = inner.filter((each) => length(each) >= 5);
      const isInner = named.length > 0 && inner.reduce((sum, each) => sum + length(each), 0) * 2 >= beyond;
      // Only the ones that read its variables are closures; the others move out as they are.
      const shown = named.slice(0, 3);
      const closures = shown.filter((each) => each.readsOuter === true);
      const free = shown.filter((each) => each.readsOuter !== true);
      const list = (parts: readonly FunctionFact[]) =>
        parts.map((each) => `'${each.name}', ${length(each)} lines`).join("; ");
      const own = beyond < length(fn) ? ownPart(fn, beyond, outermostInside(fn, longIn.get(module) ?? [])) : null;
      report({
        messageId: !isInner ? "tooLong" : closures.length > 0 ? "tooLongClosures" : "tooLongInner",
        data: {
          name: fn.name,
          own: own ?? "",
          ownSteps: own ? " that are its own" : "",
          most: own ? "Most of the rest" : `Most of '${fn.name}'`,
          lines: length(fn),
          unit: options.count === "all" ? "lines" : "lines of code",
          max: options.max,
          inner: list(closures.length > 0 ? closures : free),
          also:
            closures.length > 0 && free.length > 0
              ? `; the others (${list(free)}) use none of its state and move out as they are, with any function of it they call`
              : "",
        },
        file: module.path,
        line: fn.line,
        column: fn.column,
        anchor: fn.anchor,
        cost: weight,
      });
    }
  },
});

/**
 * How much of a function is its own when functions inside it are measured on their own: "; 125 besides the 16
 * members of the object it builds".
 */
function ownPart(fn: FunctionFact, beyond: number, apart: readonly FunctionFact[]): string {
  const members = apart.filter((each) => each.isObjectMember === true).length;
  const long = apart.length - members;
  const parts = [
    ...(members > 0 ? [`the ${members} member${members === 1 ? "" : "s"} of the objects it builds`] : []),
    ...(long > 0 ? [`the ${long} function${long === 1 ? "" : "s"} inside it over the limit themselves`] : []),
  ];
  return `; ${beyond} besides ${parts.join(" and ")}, measured on their own`;
}

/** The named functions declared directly inside `fn` (not inside one another), largest first. */
function namedInside(
  fn: FunctionFact,
  all: readonly FunctionFact[],
  length: (fn: FunctionFact) => number,
): FunctionFact[] {
  return outermostInside(fn, all)
    .filter((inner) => inner.name !== "(anonymous)")
    .sort((a, b) => length(b) - length(a) || a.line - b.line);
}

/**
 * A function's length less the functions inside it that are over the limit themselves or are members of
 * an object literal (the outermost of them): those are measured on their own, and a function whose
 * length is theirs (a hook whose body returns one long callback, a factory whose body is the object of
 * methods it returns) would only repeat them.
 */
function lengthBeyond(fn: FunctionFact, long: readonly FunctionFact[], length: (fn: FunctionFact) => number): number {
  // Two of them on one line (`{ union: (b) => …, intersection: (b) => … }`) take that line away once.
  let lastLine = 0;
  let taken = 0;
  for (const inner of outermostInside(fn, long).sort((a, b) => a.line - b.line)) {
    taken += length(inner) - (inner.line <= lastLine ? 1 : 0);
    lastLine = Math.max(lastLine, inner.endLine);
  }
  return length(fn) - taken;
}

/** The functions of `candidates` inside `fn` that are not inside another of them. */
function outermostInside(fn: FunctionFact, candidates: readonly FunctionFact[]): FunctionFact[] {
  const nested = candidates.filter((inner) => isInside(fn, inner));
  return nested.filter((inner) => !nested.some((other) => isInside(other, inner)));
}
