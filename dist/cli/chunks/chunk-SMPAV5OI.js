import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);

// src/core/text/terminal.ts
var SEQUENCES = /\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/g;
var CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
function terminalSafe(text) {
  return text.replace(SEQUENCES, "").replace(CONTROLS, "");
}

// src/adapters/reporters/console-reporter.ts
function consoleReporter(options = {}) {
  const out = options.stream ?? process.stderr;
  const write = (line) => void out.write(terminalSafe(line) + "\n");
  const started = Date.now();
  let lastProgress = 0;
  const location = (w) => w?.file ? `${w.file}${w.line ? `:${w.line}` : ""}: ` : "";
  return {
    info: (message) => write(message),
    warn: (message, where) => write(`warning: ${location(where)}${message}`),
    error: (message, where) => write(`error: ${location(where)}${message}`),
    debug: (message) => {
      if (options.debug) write(`debug: ${message}`);
    },
    group: async (title, fn) => {
      write(`\u25B8 ${title}`);
      return fn();
    },
    progress: (label, done, total) => {
      const now = Date.now();
      if (done !== total && now - lastProgress < 2e3) return;
      lastProgress = now;
      write(`  ${label}: ${done}/${total} (${((now - started) / 1e3).toFixed(1)}s)`);
    }
  };
}

export {
  terminalSafe,
  consoleReporter
};
