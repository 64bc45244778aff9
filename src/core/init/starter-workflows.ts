/**
 * The starter workflows `slipway init` copies into a repository: pointed at the slipway the
 * user chose (`--action-ref`), and read for the secrets they expect.
 */
import { SlipwayError } from '../errors.ts';

/** How the starters name slipway's repository and version (see workflows/*.yml). */
export const STARTER_ACTION_REF = 'slipway-dev/slipway@v1';

export interface ActionRef {
  /** owner/name */
  repository: string;
  /** A tag, branch or commit SHA. */
  ref: string;
}

export function parseActionRef(text: string): ActionRef {
  const match = /^([\w.-]+\/[\w.-]+)@([\w][\w./-]*)$/.exec(text.trim());
  if (!match) {
    throw new SlipwayError('USAGE', `"${text}" is not OWNER/NAME@REF`, { subject: '--action-ref', hint: `e.g. ${STARTER_ACTION_REF}, or a commit SHA to pin it: slipway-dev/slipway@<sha>` });
  }
  return { repository: match[1]!, ref: match[2]! };
}

/** Every `uses: slipway-dev/slipway[/path]@v1` of a starter, pointed at `target`. */
export function pointStarterAt(text: string, target: ActionRef): string {
  const starter = parseActionRef(STARTER_ACTION_REF);
  const pattern = new RegExp(`${starter.repository.replace(/[.-]/g, '\\$&')}((?:/[^@\\s'"]*)?)@${starter.ref}\\b`, 'g');
  return text.replace(pattern, (_, path: string) => `${target.repository}${path}@${target.ref}`);
}

export interface SecretUse {
  name: string;
  /** Workflow files (names) that use it. */
  workflows: string[];
  /** Only on commented-out lines: an option the user may turn on. */
  optional: boolean;
}

/** The secrets the workflows read (`${{ secrets.NAME }}`), GITHUB_TOKEN aside (GitHub provides it). */
export function secretsUsed(workflows: ReadonlyMap<string, string>): SecretUse[] {
  const uses = new Map<string, SecretUse>();
  for (const [file, text] of workflows) {
    for (const line of text.split('\n')) {
      for (const match of line.matchAll(/\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) {
        const name = match[1]!;
        if (name === 'GITHUB_TOKEN') continue;
        const optional = line.trimStart().startsWith('#');
        const use = uses.get(name) ?? { name, workflows: [], optional: true };
        if (!use.workflows.includes(file)) use.workflows.push(file);
        use.optional &&= optional;
        uses.set(name, use);
      }
    }
  }
  return [...uses.values()].sort((a, b) => Number(a.optional) - Number(b.optional) || (a.name < b.name ? -1 : 1));
}
