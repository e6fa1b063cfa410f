// The one TypeScript: the `typescript` package, a runtime dependency. CommonJS,
// so that Node does not scan the 9 MB compiler for named exports (300 ms); the
// module is required through a variable for the same reason.
//
// The compiler's exports are getters (its bundler's live bindings): every
// `ts.SyntaxKind.X` or `ts.isIdentifier` called a function, 70 ms of the clone
// detector's tokenizing alone. They are read once here into plain properties.
"use strict";
const name = "typescript";
const compiler = require(name);
module.exports = { ...compiler };
