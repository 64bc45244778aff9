/**
 * The root action: `uses: OWNER/slipway@v1` with `command: <job>`. It checks `command`, fills
 * the inputs left empty with the defaults of the job's own action.yml, then loads that job's
 * bundle — dist/<command>.js, beside this file — and nothing else, so `command: plan` never
 * loads the Slack or Notion clients. The job's bundle runs as it would as its own action.
 */
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { formatError } from '../core/errors.ts';
import { jobInputDefaults, parseRootCommand, type RootCommand } from './runtime/root-command.ts';

// From source (node src/actions/slipway.ts) the jobs are the .ts files beside this one; bundled,
// dist/<job>.js. Either way the action's own folder is the second or first parent.
const fromSource = import.meta.url.endsWith('.ts');
const actionRoot = new URL(fromSource ? '../../' : '../', import.meta.url);

async function prepare(): Promise<RootCommand | undefined> {
  try {
    const command = parseRootCommand(core.getInput('command'));
    const actionYml = new URL(`actions/${command}/action.yml`, actionRoot);
    const defaults = jobInputDefaults(await readFile(actionYml, 'utf8'), process.env, `actions/${command}/action.yml`);
    Object.assign(process.env, defaults);
    return command;
  } catch (error) {
    core.setFailed(`slipway: ${formatError(error)}`);
    return undefined;
  }
}

const command = await prepare();
if (command) {
  // A URL computed at run time: esbuild leaves this import alone instead of inlining every job.
  await import(new URL(`${command}${fromSource ? '.ts' : '.js'}`, import.meta.url).href);
}
