import { describe, expect, it } from "vitest";
import { parseModule } from "../../../src/facts/modules/parse.js";

describe("modules fact: functions that read the variables of the function around them", () => {
  it("marks closures over a parameter or variable of an enclosing function, or callers of one, and not functions that read none", () => {
    const source = [
      "export function proxySet(initial: number[]) {",
      "  const items = [...initial];",
      "  let version = 0;",
      "  function add(value: number) {", // writes version, reads items
      "    items.push(value);",
      "    version += 1;",
      "  }",
      "  function isIterable(value: unknown): boolean {", // its own parameter only
      "    return typeof value === 'object' && value !== null && Symbol.iterator in value;",
      "  }",
      "  const size = () => items.length;",
      "  function later() {", // a variable declared after it
      "    return hoisted;",
      "  }",
      "  const hoisted = 1;",
      "  function wrapper() {", // through the arrow inside it
      "    return () => initial[0];",
      "  }",
      "  function shadow(items: number[]) {", // its own `items`
      "    return items.length;",
      "  }",
      "  function keys(record: { items: number; version: number }) {", // property names, not the variables
      "    const { items: count } = record;",
      "    return count + record.version;",
      "  }",
      "  const isNumber = (value: unknown) => typeof value === 'number';", // a helper that reads nothing of it
      "  function count(values: unknown[]) {", // calls that helper only
      "    return values.filter(isNumber).length;",
      "  }",
      "  function grow() {", // calls the closure add
      "    add(1);",
      "  }",
      "  return { add, isIterable, size, later, wrapper, shadow, keys, count, grow };",
      "}",
      "export function topLevel(): number {",
      "  return 1;",
      "}",
    ].join("\n");
    const facts = parseModule("src/proxy-set.ts", "source", source);
    expect(Object.fromEntries(facts.functions.map((fn) => [fn.anchor, fn.readsOuter === true]))).toEqual({
      proxySet: false,
      "proxySet/add": true,
      "proxySet/isIterable": false,
      "proxySet/size": true,
      "proxySet/later": true,
      "proxySet/wrapper": true,
      "proxySet/wrapper/<anonymous#1>": true,
      "proxySet/shadow": false,
      "proxySet/keys": false,
      "proxySet/isNumber": false,
      "proxySet/count": false,
      "proxySet/grow": true,
      topLevel: false,
    });
  });
});
