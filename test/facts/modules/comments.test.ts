import { describe, expect, it } from "vitest";
import { countLines, parseModule } from "../../../src/facts/modules/parse.js";

const LONG_BODY = "export const value = 1;\n";

function hasFileDoc(source: string): boolean {
  return parseModule("src/module.ts", "source", source).hasFileDoc;
}

describe("modules fact: file-level doc comments", () => {
  it("accepts a detached leading block, a tagged block and a run of line comments", () => {
    expect(hasFileDoc(`/**\n * Money maths.\n */\n\n${LONG_BODY}`)).toBe(true);
    expect(hasFileDoc(`/** @file Money maths. */\n${LONG_BODY}`)).toBe(true);
    expect(hasFileDoc(`// Money maths:\n// rounding and currency.\n\n${LONG_BODY}`)).toBe(true);
    expect(hasFileDoc(`#!/usr/bin/env node\n/** Command entry point. */\n\n${LONG_BODY}`)).toBe(true);
    expect(hasFileDoc(`/** Money maths. */\nimport { round } from "./round.js";\n${LONG_BODY}`)).toBe(true);
    expect(hasFileDoc(`// Money maths.\n"use strict";\n${LONG_BODY}`)).toBe(true);
    expect(hasFileDoc(`/** Money maths. */\n\n// eslint-disable-next-line no-magic-numbers\n${LONG_BODY}`)).toBe(true);
  });

  it("rejects a doc attached to the first statement, a licence header and tool directives", () => {
    expect(hasFileDoc(`/** The value. */\n${LONG_BODY}`)).toBe(false);
    expect(hasFileDoc(`/** The value. */\n// eslint-disable-next-line no-magic-numbers\n${LONG_BODY}`)).toBe(false);
    expect(hasFileDoc(`// Copyright 2026 Example Corp.\n\n${LONG_BODY}`)).toBe(false);
    expect(hasFileDoc(`// @ts-check\n/* eslint-disable */\n\n${LONG_BODY}`)).toBe(false);
    expect(hasFileDoc(LONG_BODY)).toBe(false);
  });
});

describe("countLines", () => {
  it("does not count the line after a final newline", () => {
    expect(countLines("")).toBe(0);
    expect(countLines("a")).toBe(1);
    expect(countLines("a\n")).toBe(1);
    expect(countLines("a\nb")).toBe(2);
    expect(countLines("a\r\nb\r\n")).toBe(2);
  });
});
