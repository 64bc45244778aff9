import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  loadConfig
} from "./chunk-P343D4NB.js";
import "./chunk-IBDRWFRH.js";
import "./chunk-KPGBGOOP.js";
import "./chunk-BAVTOFCZ.js";
import "./chunk-LWD5H3C4.js";
import "./chunk-X24BQQWF.js";
export {
  loadConfig
};
