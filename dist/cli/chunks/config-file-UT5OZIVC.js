import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  configFrom,
  loadConfig
} from "./chunk-DY6Y2TL6.js";
import "./chunk-IBDRWFRH.js";
import "./chunk-4HF2IVZX.js";
import "./chunk-BAVTOFCZ.js";
import "./chunk-LWD5H3C4.js";
import "./chunk-X24BQQWF.js";
export {
  configFrom,
  loadConfig
};
