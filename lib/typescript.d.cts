// Types of lib/typescript.cjs: the `typescript` package's namespace.
import ts = require("typescript");
export = ts;
