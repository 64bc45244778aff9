import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  slackText
} from "./chunk-O4T6MXEG.js";

// src/core/compat/markdown.ts
function cell(text) {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, " ");
}
var slackEscape = slackText;
function htmlEscape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function listSome(names, max, join = ", ") {
  if (names.length <= max) return names.join(join);
  return `${names.slice(0, max).join(join)}${join}+${names.length - max} more`;
}
function lastLines(text, lines) {
  const all = text.replace(/\s+$/, "").split("\n");
  return all.slice(-lines).join("\n");
}
function fenced(text, info = "text") {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}
${text}
${fence}`;
}

// src/core/org/repository-selection.ts
function namePattern(pattern) {
  const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  const regex = new RegExp(`^${source}$`, "i");
  return (name) => regex.test(name);
}
function repositoryFilter(selection) {
  const matches = selection.pattern ? namePattern(selection.pattern) : () => true;
  return (repo) => !repo.archived && !repo.fork && (!selection.topic || repo.topics.includes(selection.topic)) && matches(repo.name);
}

export {
  cell,
  slackEscape,
  htmlEscape,
  listSome,
  lastLines,
  fenced,
  repositoryFilter
};
