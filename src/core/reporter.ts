/**
 * How jobs talk to people while they run. The CLI prints to stderr; the actions turn warnings
 * and errors into GitHub annotations (file + line) and groups into collapsed log groups.
 */
export interface Where {
  file?: string;
  line?: number;
  title?: string;
}

export interface Reporter {
  info(message: string): void;
  warn(message: string, where?: Where): void;
  error(message: string, where?: Where): void;
  debug(message: string): void;
  /** A collapsible section (a log group on GitHub). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Progress of a long loop: prints at most every few seconds, and at the end. */
  progress(label: string, done: number, total: number): void;
}

/** A reporter that keeps everything in memory: for tests and for callers that print later. */
export function memoryReporter(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => void lines.push(`info: ${m}`),
    warn: (m, w) => void lines.push(`warning: ${w?.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''}${m}`),
    error: (m, w) => void lines.push(`error: ${w?.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''}${m}`),
    debug: (m) => void lines.push(`debug: ${m}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`);
      return fn();
    },
    progress: (label, done, total) => {
      if (done === total) lines.push(`progress: ${label} ${done}/${total}`);
    },
  };
}
