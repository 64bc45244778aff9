/**
 * One simulated runner: a compat step run in its own process, so HOME (and with it ~/.m2) is
 * this machine's alone — as each job of the workflow starts on a fresh runner.
 *
 *   node jvm-machine.ts '{"step":"plan","cwd":…,"artifactDir":…,"workDir":…}'
 *   node jvm-machine.ts '{"step":"run","cwd":…,"artifactDir":…,"workDir":…,"shard":1,"plugins":[…],"resultFile":…}'
 *
 * Prints one JSON line: the plan's matrix and core builds, or the shard's results file.
 */
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../../src/adapters/config-file.ts';
import { createGitHubClient } from '../../src/adapters/github/client.ts';
import { consoleReporter } from '../../src/adapters/reporters/console-reporter.ts';
import { buildCompatCores } from '../../src/jobs/compat/core.ts';
import { planCompat } from '../../src/jobs/compat/plan.ts';
import { runCompatShard } from '../../src/jobs/compat/run.ts';

interface Step {
  step: 'plan' | 'run';
  cwd: string;
  artifactDir: string;
  workDir: string;
  shard?: number;
  plugins?: string[];
  resultFile?: string;
  timeoutMs?: number;
  /** Org mode: the GitHub API to list the organisation from (the specs' local server). */
  github?: { baseUrl: string; token: string };
}

const step = JSON.parse(process.argv[2] ?? '{}') as Step;
const config = await loadConfig(step.cwd);
const reporter = consoleReporter({ stream: process.stderr });
const octokit = step.github ? createGitHubClient({ baseUrl: step.github.baseUrl, token: step.github.token }) : undefined;

if (step.step === 'plan') {
  const { matrix, targets } = await planCompat({ cwd: step.cwd, config, reporter, octokit });
  const cores = await buildCompatCores({ cwd: step.cwd, config, reporter, ecosystem: targets.ecosystem, artifactDir: step.artifactDir, workDir: step.workDir });
  process.stdout.write(JSON.stringify({ matrix, planned: targets.names, tested: cores.tested.build, release: cores.release?.build }) + '\n');
} else {
  const result = await runCompatShard({
    cwd: step.cwd,
    config,
    reporter,
    shard: step.shard ?? 1,
    plugins: step.plugins ?? [],
    artifactDir: step.artifactDir,
    workDir: step.workDir,
    timeoutMs: step.timeoutMs,
    octokit,
  });
  await writeFile(step.resultFile ?? 'shard.json', JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify({ resultFile: step.resultFile }) + '\n');
}
