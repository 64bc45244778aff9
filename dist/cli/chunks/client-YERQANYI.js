import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  createGitHubClient
} from "./chunk-TU3GLH7N.js";
import "./chunk-X24BQQWF.js";
export {
  createGitHubClient
};
