import { resolve } from 'node:path';
import { consoleReporter } from '../../adapters/reporters/console-reporter.ts';
import { readPlanFile } from '../../adapters/release/plan-file.ts';
import { parsePlan } from '../../core/release/plan-schema.ts';
import { renderValidationMarkdown, renderValidationText } from '../../core/validate/render-report.ts';
import { failed, validateFleet } from '../../jobs/validate.ts';
import { parseFlags } from '../command.ts';
import { SlipwayError } from '../../core/errors.ts';

export const usage = `usage: slipway validate [options]

Checks each plugin that would be released (or, with --base/--head, each plugin a pull
request touches): its manifest is complete for the registry and the catalog, its next
version is greater than its last release and its tag is free, breaking changes make a major
(a minor while 0.x), commit messages are Conventional Commits, and its build and test
commands (commands.build / commands.test in slipway.yml) pass. Reads what is committed.
Exits 1 when anything is an error. Writes nothing.

options:
  --cwd DIR            the repository (default: the current folder)
  --plan FILE          check this plan (from \`slipway plan --out\`) instead of planning now
  --base REV           pull request mode: lint the commits in REV..HEAD (or ..--head) and
  --head REV           check the plugins they touch
  --title TEXT         the pull request title to lint too (a squash merge uses it)
  --plugin NAME        only this plugin (repeatable)
  --skip-commands      do not run the build and test commands
  --prerelease ID      plan prereleases on channel ID
  --json               print the report as JSON
  --markdown           print the report as Markdown (as in the job summary)`;

export async function run(args: string[], context: { debug: boolean }): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      cwd: { type: 'string' },
      plan: { type: 'string' },
      base: { type: 'string' },
      head: { type: 'string' },
      title: { type: 'string' },
      plugin: { type: 'string', multiple: true },
      'skip-commands': { type: 'boolean' },
      prerelease: { type: 'string' },
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
    },
    'validate',
  );
  if (values.head && !values.base) throw new SlipwayError('USAGE', '--head needs --base', { hint: 'pass --base with the pull request\'s base commit or branch' });
  if (values.plan && values.prerelease) throw new SlipwayError('USAGE', '--prerelease plans; --plan reads a plan made already', { hint: 'pass one of them' });
  const cwd = resolve(values.cwd ?? '.');
  const reporter = consoleReporter({ debug: context.debug });
  const plan = values.plan ? parsePlan(await readPlanFile(values.plan), values.plan) : undefined;
  const { report } = await validateFleet({
    cwd,
    reporter,
    context: values.base ? 'pull-request' : 'release',
    range: values.base ? { base: values.base, head: values.head ?? 'HEAD' } : undefined,
    prTitle: values.title,
    plan,
    only: values.plugin,
    runCommands: !values['skip-commands'],
    prerelease: values.prerelease,
  });
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : values.markdown ? renderValidationMarkdown(report) : renderValidationText(report));
  return failed(report) ? 1 : 0;
}
