// The one TypeScript (DESIGN.md): the compiler ts-morph bundles, loaded on its
// own. Importing ts-morph for its `ts` export also evaluates ts-morph's Project
// API and the lib .d.ts files it embeds (4 MB the parse never uses) and has Node
// scan ts-morph for exports: 140 ms more on each thread that parses. CommonJS,
// so that Node does not scan the 9 MB compiler for named exports either (300 ms);
// the module is required through a variable for the same reason.
//
// The compiler's exports are getters (its bundler's live bindings): every
// `ts.SyntaxKind.X` or `ts.isIdentifier` called a function, 70 ms of the clone
// detector's tokenizing alone. They are read once here into plain properties.
"use strict";
const { dirname } = require("node:path");

const fromTsMorph = { paths: [dirname(require.resolve("ts-morph"))] };
const compiler = require(require.resolve("@ts-morph/common/dist/typescript.js", fromTsMorph));
module.exports = { ...compiler };
