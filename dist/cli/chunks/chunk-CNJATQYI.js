import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  stripControls
} from "./chunk-IIVPVJHC.js";

// src/core/text/escape-markdown.ts
function markdownText(text) {
  return stripControls(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function markdownCell(text) {
  return markdownText(text).replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");
}
function markdownLiteral(text) {
  return stripControls(text).replace(/\s+/g, " ").trim().replace(/[\\`*_[\]()<>&!~|#:{}]/g, "\\$&").replace(/@/g, "@\u200B");
}

export {
  markdownText,
  markdownCell,
  markdownLiteral
};
