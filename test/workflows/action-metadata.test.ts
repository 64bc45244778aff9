/**
 * The action.yml files (scripts/action-docs.ts): each is valid action metadata for a bundled
 * node24 action; the root action.yml and the README's action tables are generated from them and
 * must be up to date; the root action can apply every command's defaults.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DOCS_END, DOCS_START, readJobActions, updateActionDocs } from '../../scripts/action-docs.ts';
import { inputVariable, jobInputDefaults, ROOT_COMMANDS, WORKFLOW_TOKEN_INPUT } from '../../src/actions/runtime/root-command.ts';
import { cleanupTempDirs, tempDir } from '../helpers/repo.ts';

const ROOT = join(import.meta.dirname, '../..');

afterAll(cleanupTempDirs);

/** A copy of the action metadata (and the files it is checked against) to break. */
function copy(): string {
  const root = tempDir('slipway-actions-');
  cpSync(join(ROOT, 'actions'), join(root, 'actions'), { recursive: true });
  cpSync(join(ROOT, 'src/actions'), join(root, 'src/actions'), { recursive: true });
  cpSync(join(ROOT, 'action.yml'), join(root, 'action.yml'));
  cpSync(join(ROOT, 'README.md'), join(root, 'README.md'));
  return root;
}

describe('the action metadata', () => {
  it('every action.yml is valid, and action.yml and the README tables are up to date', () => {
    const { problems, stale } = updateActionDocs(ROOT, { check: true });
    expect(problems).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('the root action declares `command` and every input and output of every command', () => {
    const root = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const { actions } = readJobActions(ROOT);
    for (const command of ROOT_COMMANDS) {
      const action = actions.find((a) => a.job === command)!;
      expect(Object.keys(root.inputs)).toEqual(expect.arrayContaining(Object.keys(action.metadata.inputs)));
      expect(Object.keys(root.outputs)).toEqual(expect.arrayContaining(Object.keys(action.metadata.outputs)));
    }
    expect(Object.keys(root.inputs).slice(0, 2)).toEqual(['command', WORKFLOW_TOKEN_INPUT]);
  });

  it('the root action can compute every default of every command (literals and the github context it knows)', () => {
    const env = { [inputVariable(WORKFLOW_TOKEN_INPUT)]: 'ghs_workflow', GITHUB_API_URL: 'https://api.example', GITHUB_REF_NAME: 'main' };
    for (const command of ROOT_COMMANDS) {
      const file = `actions/${command}/action.yml`;
      const defaults = jobInputDefaults(readFileSync(join(ROOT, file), 'utf8'), env, file);
      const declared = parse(readFileSync(join(ROOT, file), 'utf8')) as { inputs: Record<string, { default?: string }> };
      for (const [name, input] of Object.entries(declared.inputs)) {
        if (input.default === undefined) continue;
        const expected = input.default === '${{ github.token }}' ? 'ghs_workflow' : input.default === '${{ github.api_url }}' ? 'https://api.example' : input.default;
        expect(defaults[inputVariable(name)], `${file} ${name}`).toBe(expected);
      }
    }
  });

  it('an input the caller set keeps its value; an expression the root action cannot compute is an error naming the file and input', () => {
    const yml = 'inputs:\n  token:\n    description: t\n    default: ${{ github.token }}\n  ref:\n    description: r\n    default: ${{ github.event.pull_request.head.sha }}\n';
    expect(() => jobInputDefaults(yml, { INPUT_TOKEN: 'mine' }, 'actions/x/action.yml')).toThrow(/\$\{\{ github\.event\.pull_request\.head\.sha \}\} cannot be computed/);
    expect(jobInputDefaults(yml.split('  ref:')[0]!, { INPUT_TOKEN: 'mine' }, 'actions/x/action.yml')).toEqual({});
  });

  it('names each broken action.yml: invalid YAML, a missing description, another runtime, another bundle', () => {
    const root = copy();
    const plan = join(root, 'actions/plan/action.yml');
    const text = readFileSync(plan, 'utf8');
    writeFileSync(plan, text.replace('    description: Where to write the plan JSON, relative to the workspace.\n', '    description: Where to write the plan JSON: relative to the workspace.\n'));
    writeFileSync(join(root, 'actions/index/action.yml'), readFileSync(join(root, 'actions/index/action.yml'), 'utf8').replace(/\n {2}status:\n {4}description: [^\n]*/, '\n  status: {}'));
    writeFileSync(join(root, 'actions/digest/action.yml'), readFileSync(join(root, 'actions/digest/action.yml'), 'utf8').replace('using: node24', 'using: node20'));
    writeFileSync(join(root, 'actions/metadata/action.yml'), readFileSync(join(root, 'actions/metadata/action.yml'), 'utf8').replace('main: ../../dist/metadata.js', 'main: ../../dist/index.js'));
    mkdirSync(join(root, 'actions/orphan'));
    writeFileSync(join(root, 'actions/orphan/action.yml'), 'name: orphan\ndescription: no source\nruns:\n  using: node24\n  main: ../../dist/orphan.js\n');

    const { problems } = updateActionDocs(root, { check: true });
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^actions\/plan\/action\.yml: not valid YAML: /),
        'actions/index/action.yml: outputs.status.description: needs a description',
        'actions/digest/action.yml: runs.using: must be node24',
        'actions/metadata/action.yml: runs.main: must be ../../dist/metadata.js (the job\'s bundle), got ../../dist/index.js',
        'actions/orphan/action.yml: no src/actions/orphan.ts: nothing builds dist/orphan.js',
      ]),
    );
  });

  it('finds the README and root action.yml stale after an action.yml changes, and fixes them when not checking', () => {
    const root = copy();
    const file = join(root, 'actions/plan/action.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  date:\n', '  channel-note:\n    description: A new input.\n    required: false\n  date:\n'));
    expect(updateActionDocs(root, { check: true }).stale).toEqual(['action.yml', 'README.md']);
    expect(updateActionDocs(root, { check: false }).stale).toEqual(['action.yml', 'README.md']);
    expect(updateActionDocs(root, { check: true })).toEqual({ problems: [], stale: [] });
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(DOCS_START), readme.indexOf(DOCS_END));
    expect(section).toContain('| `channel-note` | no |  | A new input. |');
    expect(readFileSync(join(root, 'action.yml'), 'utf8')).toContain('  channel-note:\n    description: A new input. (plan)\n');
  });
});
