// Types of lib/typescript.cjs: the `ts` namespace ts-morph re-exports.
import { ts } from "ts-morph";
export = ts;
