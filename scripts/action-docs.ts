/**
 * The action metadata, kept honest in one place:
 *  - checks every actions/<job>/action.yml (the keys GitHub's action metadata syntax allows,
 *    a description for every input and output, node24, main = the job's bundle);
 *  - generates the root action.yml: `command` + the union of the commands' inputs and outputs,
 *    without defaults (the root action applies the command's own defaults at run time);
 *  - renders every action's inputs/outputs tables into README.md between the markers.
 *
 *   node scripts/action-docs.ts           rewrite action.yml and the README section
 *   node scripts/action-docs.ts --check   fail when either is out of date (or an action.yml is wrong)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isScalar, parseDocument, Scalar, visit } from 'yaml';
import * as z from 'zod';
import { ROOT_COMMANDS, WORKFLOW_TOKEN_INPUT } from '../src/actions/runtime/root-command.ts';

export const DOCS_START = '<!-- action-docs:start -->';
export const DOCS_END = '<!-- action-docs:end -->';
/** How the docs and starters name the action's repository; users replace it with their fork or the real owner. */
export const ACTION_REPOSITORY = 'slipway-dev/slipway';

// GitHub's metadata syntax for actions (docs.github.com › Metadata syntax reference), the part a
// JavaScript action uses. Defaults must be strings: `default: false` unquoted is a YAML boolean.
const inputSchema = z.strictObject({
  description: z.string({ error: 'needs a description' }).trim().min(1, 'needs a description'),
  required: z.boolean().optional(),
  default: z.string({ error: 'must be a string (quote it)' }).optional(),
  deprecationMessage: z.string().optional(),
});
const outputSchema = z.strictObject({ description: z.string({ error: 'needs a description' }).trim().min(1, 'needs a description') });
const metadataSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().trim().min(1),
  author: z.string().optional(),
  inputs: z.record(z.string(), inputSchema).default({}),
  outputs: z.record(z.string(), outputSchema).default({}),
  runs: z.strictObject({
    using: z.literal('node24', { error: 'must be node24' }),
    main: z.string(),
    pre: z.string().optional(),
    post: z.string().optional(),
    'pre-if': z.string().optional(),
    'post-if': z.string().optional(),
  }),
  branding: z.strictObject({ icon: z.string(), color: z.string() }).optional(),
});
export type ActionMetadata = z.infer<typeof metadataSchema>;

export interface ActionFile {
  /** `actions/<job>/action.yml`, or `action.yml` for the root action. */
  file: string;
  /** The job (the bundle dist/<job>.js), or `slipway` for the root action. */
  job: string;
  metadata: ActionMetadata;
}

export interface Problem {
  file: string;
  message: string;
}

/** Reads and checks one action.yml; problems name the file and the key. */
export function readActionFile(root: string, file: string, job: string): { action?: ActionFile; problems: Problem[] } {
  const doc = parseDocument(readFileSync(join(root, file), 'utf8'));
  if (doc.errors.length) return { problems: doc.errors.map((e) => ({ file, message: `not valid YAML: ${e.message.split('\n')[0]}` })) };
  const parsed = metadataSchema.safeParse(doc.toJS());
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => ({ file, message: `${issue.path.join('.') || '(top level)'}: ${issue.message}` })) };
  const problems: Problem[] = [];
  const main = file === 'action.yml' ? `dist/${job}.js` : `../../dist/${job}.js`;
  if (parsed.data.runs.main !== main) problems.push({ file, message: `runs.main: must be ${main} (the job's bundle), got ${parsed.data.runs.main}` });
  if (!existsSync(join(root, 'src/actions', `${job}.ts`))) problems.push({ file, message: `no src/actions/${job}.ts: nothing builds dist/${job}.js` });
  return { action: { file, job, metadata: parsed.data }, problems };
}

/** Every actions/<job>/action.yml, the root commands first in their order, then the others by name. */
export function readJobActions(root: string): { actions: ActionFile[]; problems: Problem[] } {
  const jobs = readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'actions', entry.name, 'action.yml')))
    .map((entry) => entry.name);
  const rank = (job: string) => {
    const i = (ROOT_COMMANDS as readonly string[]).indexOf(job);
    return i === -1 ? ROOT_COMMANDS.length : i;
  };
  jobs.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const actions: ActionFile[] = [];
  const problems: Problem[] = [];
  for (const job of jobs) {
    const read = readActionFile(root, `actions/${job}/action.yml`, job);
    if (read.action) actions.push(read.action);
    problems.push(...read.problems);
  }
  for (const command of ROOT_COMMANDS) {
    if (!jobs.includes(command)) problems.push({ file: 'action.yml', message: `command "${command}" has no actions/${command}/action.yml` });
  }
  return { actions, problems };
}

/** One description for an input (or output) several commands declare. */
function mergedDescription(entries: Array<{ command: string; description: string }>): string {
  const texts = new Set(entries.map((e) => e.description.trim()));
  const commands = entries.map((e) => e.command).join(', ');
  if (texts.size === 1) return `${[...texts][0]} (${commands})`;
  return entries.map((e) => `${e.command}: ${e.description.trim()}`).join('\n');
}

export function renderRootAction(actions: readonly ActionFile[]): string {
  const commands = ROOT_COMMANDS.map((command) => actions.find((a) => a.job === command)).filter((a): a is ActionFile => a !== undefined);
  const collect = (kind: 'inputs' | 'outputs') => {
    const byName = new Map<string, Array<{ command: string; description: string }>>();
    for (const action of commands) {
      for (const [name, entry] of Object.entries(action.metadata[kind])) {
        byName.set(name, [...(byName.get(name) ?? []), { command: action.job, description: entry.description }]);
      }
    }
    return byName;
  };
  const inputs: Record<string, { description: string; required: boolean; default?: string }> = {
    command: { description: `The job to run: ${ROOT_COMMANDS.join(' | ')}. Each takes the inputs of its own action (actions/<command>/action.yml), with the same defaults.`, required: true },
    [WORKFLOW_TOKEN_INPUT]: {
      description: "The workflow's token, given to a command's input whose own action defaults to it (release github-token, index and metadata token). Leave it as is; pass the command's input to use another token.",
      required: false,
      default: '${{ github.token }}',
    },
  };
  for (const [name, entries] of collect('inputs')) inputs[name] = { description: mergedDescription(entries), required: false };
  const outputs: Record<string, { description: string }> = {};
  for (const [name, entries] of collect('outputs')) outputs[name] = { description: mergedDescription(entries) };
  const header = [
    '# Generated by scripts/action-docs.ts from actions/<command>/action.yml: edit those, then run',
    '# `node scripts/action-docs.ts`. Inputs carry no defaults here: the root action applies the',
    "# command's own defaults when it starts, so both ways of calling a job behave alike.",
  ].join('\n');
  const body = {
    name: 'slipway',
    description:
      'Release automation for fleets of plugins: validate, plan, release with a human gate, index, compat and digest. ' +
      '`command` picks the job; the other inputs are that job\'s (see each actions/<command>/action.yml).',
    author: 'slipway',
    inputs,
    outputs,
    runs: { using: 'node24', main: 'dist/slipway.js' },
    branding: { icon: 'anchor', color: 'blue' },
  };
  const doc = new Document(body);
  // One line per command reads better as a literal block than folded into a paragraph.
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    },
  });
  return `${header}\n${doc.toString({ lineWidth: 100 })}`;
}

const cell = (text: string) => text.trim().replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

function renderActionSection(action: ActionFile): string {
  const { metadata } = action;
  const uses = action.file === 'action.yml' ? `${ACTION_REPOSITORY}@v1` : `${ACTION_REPOSITORY}/actions/${action.job}@v1`;
  const lines = [`### \`${uses}\``, '', cell(metadata.description), ''];
  const inputs = Object.entries(metadata.inputs);
  if (inputs.length) {
    lines.push('| input | required | default | description |', '|---|---|---|---|');
    for (const [name, input] of inputs) {
      lines.push(`| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${input.default === undefined || input.default === '' ? '' : cell(code(input.default))} | ${cell(input.description)} |`);
    }
    lines.push('');
  }
  const outputs = Object.entries(metadata.outputs);
  if (outputs.length) {
    lines.push('| output | description |', '|---|---|');
    for (const [name, output] of outputs) lines.push(`| \`${name}\` | ${cell(output.description)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The README section: the root action's commands, then each action's inputs and outputs. */
export function renderActionDocs(actions: readonly ActionFile[]): string {
  const lines = [
    DOCS_START,
    '<!-- Generated by scripts/action-docs.ts from the action.yml files; edit those, then run `node scripts/action-docs.ts`. -->',
    '',
    `### \`${ACTION_REPOSITORY}@v1\` (root action)`,
    '',
    "One action for every job: `command` picks it, and the other inputs are that job's, with the same defaults and outputs.",
    '',
    '| command | runs | what it does |',
    '|---|---|---|',
    ...ROOT_COMMANDS.map((command) => {
      const action = actions.find((a) => a.job === command);
      const first = action ? gist(action.metadata.description) : '';
      return `| \`${command}\` | [\`actions/${command}\`](#${anchor(`${ACTION_REPOSITORY}/actions/${command}@v1`)}) | ${first} |`;
    }),
    '',
    ...actions.map(renderActionSection),
    DOCS_END,
  ];
  return lines.join('\n');
}

/** The first clause of a description, for a one-line table cell. */
function gist(description: string): string {
  let text = cell(description).split(/(?<=\.)\s/)[0]!.replace(/\.$/, '');
  for (const separator of [': ', ' — ', '; ']) {
    const at = text.indexOf(separator);
    if (at >= 20) text = text.slice(0, at);
  }
  return text;
}

/** GitHub's heading anchor: lower case, punctuation other than - and _ dropped, spaces → -. */
const anchor = (heading: string) => heading.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');

export function replaceSection(readme: string, section: string): string {
  const start = readme.indexOf(DOCS_START);
  const end = readme.indexOf(DOCS_END);
  if (start === -1 || end < start) throw new Error(`README.md has no ${DOCS_START} … ${DOCS_END} markers: add them where the action tables belong`);
  return readme.slice(0, start) + section + readme.slice(end + DOCS_END.length);
}

export interface DocsResult {
  problems: Problem[];
  /** Files whose text differs from what was generated (rewritten unless checking). */
  stale: string[];
}

/** Checks the action.yml files and generates action.yml + the README section; writes unless `check`. */
export function updateActionDocs(root: string, options: { check: boolean }): DocsResult {
  const { actions, problems } = readJobActions(root);
  const generated: Record<string, string> = { 'action.yml': renderRootAction(actions) };
  const readmePath = join(root, 'README.md');
  try {
    generated['README.md'] = replaceSection(readFileSync(readmePath, 'utf8'), renderActionDocs(actions));
  } catch (error) {
    problems.push({ file: 'README.md', message: (error as Error).message });
  }
  const stale: string[] = [];
  for (const [file, text] of Object.entries(generated)) {
    const path = join(root, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    stale.push(file);
    if (!options.check) writeFileSync(path, text);
  }
  // The generated root action must itself be valid metadata.
  if (!options.check || !stale.includes('action.yml')) problems.push(...readActionFile(root, 'action.yml', 'slipway').problems);
  return { problems, stale };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const root = join(import.meta.dirname, '..');
  const { problems, stale } = updateActionDocs(root, { check });
  for (const p of problems) console.error(`${p.file}: ${p.message}`);
  if (check && stale.length) console.error(`out of date: ${stale.join(', ')} — run \`node scripts/action-docs.ts\` and commit the result`);
  else if (stale.length) console.log(`rewrote ${stale.join(', ')}`);
  if (problems.length || (check && stale.length)) process.exitCode = 1;
  else if (check) console.log('action.yml and the README action tables are up to date');
}
