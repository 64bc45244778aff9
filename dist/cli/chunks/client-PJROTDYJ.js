import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  createGitHubClient
} from "./chunk-KKM4JSI7.js";
import "./chunk-X24BQQWF.js";
export {
  createGitHubClient
};
