import { describe, expect, it } from "vitest";
import { vendoredHeader } from "../../../src/facts/modules/vendored.js";

describe("modules fact: a header saying the code is copied in", () => {
  it("names the provenance and its line when one leading comment has it with a copyright line or a licence", () => {
    const jsdoc =
      "/**\n * Ported from https://github.com/example-org/tiny-diff.\n * Copyright 2018 Example Authors.\n */\nexport {};\n";
    expect(vendoredHeader(jsdoc)).toBe("header: ported from https://github.com/example-org/tiny-diff (line 2)");
    const lines = "#!/usr/bin/env node\n// Adapted from fast-glob (MIT License)\n// by its contributors\nrun();\n";
    expect(vendoredHeader(lines)).toBe("header: adapted from fast-glob (line 2)");
    const spdx = "// SPDX-License-Identifier: Apache-2.0\n// Forked from: <https://example.com/repo/tree/v3>\n";
    expect(vendoredHeader(spdx)).toBe("header: forked from https://example.com/repo/tree/v3 (line 2)");
    const named = "/* Copied from lodash (https://lodash.com), copyright JS Foundation. */\n";
    expect(vendoredHeader(named)).toBe("header: copied from lodash (line 1)");
    // The second of two leading comments.
    const second = "// @ts-nocheck\n\n/*\nVendored from `tiny-invariant`\nLicensed under the MIT licence\n*/\n";
    expect(vendoredHeader(second)).toBe("header: vendored from tiny-invariant (line 4)");
  });

  it("needs both in one leading comment: a banner, a remark, or a header after the code is no vendored file", () => {
    expect(vendoredHeader("// Copyright (c) 2024 Acme Inc. All rights reserved.\nexport {};\n")).toBeNull();
    expect(vendoredHeader("/* Backoff based on the approach in https://example.com/retries. */\n")).toBeNull();
    expect(vendoredHeader("// Copyright (c) 2024 Acme Inc.\n// Based on the idea in #123.\n")).toBeNull();
    expect(
      vendoredHeader("// Copyright 2024 Acme. MIT License.\n// Matching is based on request headers.\n"),
    ).toBeNull();
    expect(vendoredHeader("// Copyright 2024 Acme. Cookie parsing based on RFC 6265.\n")).toBeNull();
    expect(vendoredHeader("// Copyright 2024 Acme. The order is based on 3 passes.\n")).toBeNull();
    // Provenance in one comment and the copyright in the next one.
    expect(vendoredHeader("// Based on https://example.com/x\n\n// Copyright 2020 Someone\n")).toBeNull();
    // Not the leading comment: code comes first.
    expect(vendoredHeader('import "x";\n/* Based on https://example.com/x, Copyright 2020 Someone */\n')).toBeNull();
  });
});
