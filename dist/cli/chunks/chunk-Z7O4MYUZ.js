import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  execa
} from "./chunk-YK4KFZUA.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";

// src/adapters/catalog/git-objects.ts
var GitObjectReader = class {
  child;
  pending = [];
  buffer = Buffer.alloc(0);
  failed;
  closed = false;
  constructor(cwd) {
    this.child = execa("git", ["cat-file", "--batch"], { cwd, stdin: "pipe", stdout: "pipe", buffer: false, encoding: "buffer" });
    this.child.stdin.on("error", () => void 0);
    this.child.stdout.on("data", (chunk) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    this.child.catch((error) => {
      if (this.closed) return;
      this.failed = new SlipwayError("GIT_FAILED", `git cat-file stopped: ${error.message}`, { subject: cwd, cause: error });
      for (const request of this.pending.splice(0)) request.reject(this.failed);
    });
  }
  /** The blob at `<rev>:<path>`, or undefined when there is no such file (or it is a folder). */
  read(rev, path) {
    const spec = `${rev}:${path}`;
    if (this.failed) return Promise.reject(this.failed);
    if (/[\n\r]/.test(spec)) return Promise.resolve(void 0);
    return new Promise((resolve, reject) => {
      this.pending.push({ spec, resolve, reject });
      this.child.stdin.write(`${spec}
`);
    });
  }
  async readText(rev, path) {
    return (await this.read(rev, path))?.toString("utf8");
  }
  /** Ends the process (pending reads are answered first). */
  async close() {
    this.closed = true;
    this.child.stdin.end();
    await this.child.catch(() => void 0);
  }
  drain() {
    while (this.pending.length) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString("utf8");
      const request = this.pending[0];
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.pending.shift();
        request.resolve(void 0);
        continue;
      }
      const [, type, sizeText] = header.split(" ");
      const size = Number(sizeText);
      if (!Number.isInteger(size)) {
        this.pending.shift();
        request.reject(new SlipwayError("GIT_FAILED", `git cat-file answered "${header}" for ${request.spec}`));
        continue;
      }
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return;
      const contents = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.pending.shift();
      request.resolve(type === "blob" ? contents : void 0);
    }
  }
};

// src/core/catalog/stable-json.ts
function stableJson(value) {
  return JSON.stringify(sortKeys(value), null, 2) + "\n";
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted = {};
  for (const key of Object.keys(value).sort(byCodePoint)) {
    const item = value[key];
    if (item !== void 0) sorted[key] = sortKeys(item);
  }
  return sorted;
}
var byCodePoint = (a, b) => a < b ? -1 : a > b ? 1 : 0;

export {
  GitObjectReader,
  stableJson,
  byCodePoint
};
