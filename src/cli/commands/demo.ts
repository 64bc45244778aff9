import { resolve } from 'node:path';
import { createDemoFleet } from '../../adapters/demo/create-demo-fleet.ts';
import { consoleReporter } from '../../adapters/reporters/console-reporter.ts';
import { renderPlanText } from '../../core/plan/render-plan.ts';
import { planRelease } from '../../jobs/plan.ts';
import { parseFlags } from '../command.ts';

export const usage = `usage: slipway demo [options]

Builds a demo fleet — a core project and a handful of npm plugins with a Conventional-Commit
history, release tags and a local bare remote — in a temp folder, and plans its release.
No token and no network are needed.

options:
  --dir DIR     build the demo in DIR instead of a new temp folder
  --json        print the plan as JSON`;

export async function run(args: string[], context: { debug: boolean }): Promise<number> {
  const { values } = parseFlags(args, { dir: { type: 'string' }, json: { type: 'boolean' } }, 'demo');
  const reporter = consoleReporter({ debug: context.debug });
  const demo = await createDemoFleet(values.dir ? resolve(values.dir) : undefined);
  reporter.info(`demo fleet: ${demo.plugins.length} plugins in ${demo.fleetDir} (core: ${demo.coreDir}, remote: ${demo.remoteDir})`);
  const { plan } = await planRelease({ cwd: demo.fleetDir, reporter });
  process.stdout.write(values.json ? JSON.stringify(plan, null, 2) + '\n' : renderPlanText(plan));
  if (!values.json) {
    reporter.info(`\nNext: try \`slipway plan --cwd ${demo.fleetDir}\` yourself.`);
  }
  return 0;
}
