import type { Reporter } from '../../core/reporter.ts';
import { terminalSafe } from '../../core/text/terminal.ts';

/** Human output on stderr, so stdout stays clean for --json and plan files. */
export function consoleReporter(options: { debug?: boolean; stream?: NodeJS.WritableStream } = {}): Reporter {
  const out = options.stream ?? process.stderr;
  // Messages carry names, subjects and errors from hostile input: no control sequence gets through.
  const write = (line: string) => void out.write(terminalSafe(line) + '\n');
  const started = Date.now();
  let lastProgress = 0;
  const location = (w?: { file?: string; line?: number }) => (w?.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : '');
  return {
    info: (message) => write(message),
    warn: (message, where) => write(`warning: ${location(where)}${message}`),
    error: (message, where) => write(`error: ${location(where)}${message}`),
    debug: (message) => {
      if (options.debug) write(`debug: ${message}`);
    },
    group: async (title, fn) => {
      write(`▸ ${title}`);
      return fn();
    },
    progress: (label, done, total) => {
      const now = Date.now();
      if (done !== total && now - lastProgress < 2000) return;
      lastProgress = now;
      write(`  ${label}: ${done}/${total} (${((now - started) / 1000).toFixed(1)}s)`);
    },
  };
}
