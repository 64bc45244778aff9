import * as core from '@actions/core';
import type { Reporter } from '../../core/reporter.ts';

/** GitHub Actions output: warnings/errors become annotations on the file and line, groups collapse. */
export function actionsReporter(): Reporter {
  const started = Date.now();
  let lastProgress = 0;
  const annotation = (where?: { file?: string; line?: number; title?: string }) =>
    where ? { file: where.file, startLine: where.line, title: where.title } : undefined;
  return {
    info: (message) => core.info(message),
    warn: (message, where) => core.warning(message, annotation(where)),
    error: (message, where) => core.error(message, annotation(where)),
    debug: (message) => core.debug(message),
    group: (title, fn) => core.group(title, fn),
    progress: (label, done, total) => {
      const now = Date.now();
      if (done !== total && now - lastProgress < 5000) return;
      lastProgress = now;
      core.info(`${label}: ${done}/${total} (${Math.round((now - started) / 1000)}s elapsed)`);
    },
  };
}
