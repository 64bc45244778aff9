/**
 * The root action (`uses: OWNER/slipway@v1` with `command:`) runs one job's action. So that both
 * ways of calling a job behave alike, it fills each input the caller left empty with the default
 * the job's own `actions/<command>/action.yml` declares — what GitHub would have done for
 * `uses: OWNER/slipway/actions/<command>@v1`.
 */
import { parse } from 'yaml';
import { SlipwayError } from '../../core/errors.ts';

/** The commands of the root action, in the order the docs list them. */
export const ROOT_COMMANDS = ['validate', 'plan', 'release', 'setup', 'metadata', 'index', 'compat', 'digest'] as const;
export type RootCommand = (typeof ROOT_COMMANDS)[number];

/** The root-only input that carries `${{ github.token }}`: a running action has no other way to read it. */
export const WORKFLOW_TOKEN_INPUT = 'workflow-token';

/** The environment variable GitHub sets for an input (actions/toolkit's getInput: spaces → `_`, upper case; dashes kept). */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

export function parseRootCommand(value: string): RootCommand {
  const command = value.trim();
  if ((ROOT_COMMANDS as readonly string[]).includes(command)) return command as RootCommand;
  throw new SlipwayError('INPUT_INVALID', command ? `"${command}" is not a slipway command` : 'is required', {
    subject: 'input "command"',
    hint: `set \`with: command:\` to one of ${ROOT_COMMANDS.join(', ')}`,
  });
}

/**
 * The `github.*` expressions our action.yml files use as defaults, and where a running action
 * finds their values: the runner exports most of the github context as GITHUB_* variables
 * (https://docs.github.com/en/actions/reference/variables-reference), but not the token.
 */
const CONTEXT_VALUES: Record<string, (env: NodeJS.ProcessEnv) => string | undefined> = {
  'github.token': (env) => env[inputVariable(WORKFLOW_TOKEN_INPUT)],
  'github.api_url': (env) => env['GITHUB_API_URL'],
  'github.server_url': (env) => env['GITHUB_SERVER_URL'],
  'github.graphql_url': (env) => env['GITHUB_GRAPHQL_URL'],
  'github.repository': (env) => env['GITHUB_REPOSITORY'],
  'github.ref': (env) => env['GITHUB_REF'],
  'github.ref_name': (env) => env['GITHUB_REF_NAME'],
  'github.sha': (env) => env['GITHUB_SHA'],
};

/** Resolves one action.yml default: a literal, or one `${{ github.<name> }}` expression. */
export function resolveDefault(value: string, env: NodeJS.ProcessEnv, where: string): string {
  const expression = /^\$\{\{\s*([\w.]+)\s*\}\}$/.exec(value.trim());
  if (!expression) {
    if (value.includes('${{')) throw unresolvable(value, where);
    return value;
  }
  const read = CONTEXT_VALUES[expression[1]!];
  if (!read) throw unresolvable(value, where);
  return read(env) ?? '';
}

const unresolvable = (value: string, where: string) =>
  new SlipwayError('INPUT_INVALID', `the default ${value} cannot be computed inside the root action`, {
    subject: where,
    hint: `use a literal default or one of ${Object.keys(CONTEXT_VALUES).map((k) => `\${{ ${k} }}`).join(', ')}`,
  });

/**
 * The INPUT_* variables to add before the job runs: each input the job's action.yml declares
 * with a default and that the caller left empty.
 */
export function jobInputDefaults(actionYml: string, env: NodeJS.ProcessEnv, where: string): Record<string, string> {
  const metadata = parse(actionYml) as { inputs?: Record<string, { default?: unknown } | null> } | null;
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(metadata?.inputs ?? {})) {
    if (input?.default === undefined || input.default === null) continue;
    const variable = inputVariable(name);
    if ((env[variable] ?? '').trim() !== '') continue;
    defaults[variable] = resolveDefault(String(input.default), env, `${where}: inputs.${name}.default`);
  }
  return defaults;
}
