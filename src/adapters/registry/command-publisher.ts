/**
 * A registry slipway does not speak to itself (Gradle/Maven repositories, PyPI, anything
 * else): it runs the publish command configured in slipway.yml, in the plugin's folder, with
 * `{name}`, `{version}` and `{path}` replaced. The same values are in the environment as
 * SLIPWAY_NAME, SLIPWAY_VERSION and SLIPWAY_PATH for commands that prefer variables.
 *
 * A command cannot say which versions are out, so idempotency is the command's own (e.g.
 * `twine upload --skip-existing`), or `alreadyPublished`: a pattern of its output that means
 * "this version is already there" (Gradle/Maven: `409`, twine: `File already exists`).
 */
import { execa } from 'execa';
import { SlipwayError } from '../../core/errors.ts';
import type { PublishResult, RegistryClient } from './types.ts';

export interface CommandPublisherOptions {
  /** Output (stdout + stderr) of a failed command that means the version is already published. */
  alreadyPublished?: RegExp;
  /** How long the command may run; default 20 minutes (a Gradle publish builds first). */
  timeoutMs?: number;
}

const COMMAND_TIMEOUT_MS = 20 * 60_000;

export function commandPublisher(command: string, options: CommandPublisherOptions = {}): RegistryClient {
  const destination = `command: ${command}`;
  return {
    destination,
    publishedVersions: async () => undefined,
    isPublished: async () => undefined,
    async publish(target, publishOptions = {}) {
      const result = (status: PublishResult['status']): PublishResult => ({
        status,
        name: target.name,
        version: target.version,
        destination,
      });
      const values = { name: target.name, version: target.version, path: target.dir };
      const filled = fillPlaceholders(command, values);
      if (publishOptions.dryRun) return result('dry-run');

      const timeoutMs = options.timeoutMs ?? COMMAND_TIMEOUT_MS;
      const run = await execa(filled, {
        shell: true,
        cwd: target.dir,
        env: { SLIPWAY_NAME: values.name, SLIPWAY_VERSION: values.version, SLIPWAY_PATH: values.path },
        all: true,
        reject: false,
        stdin: 'ignore',
        timeout: timeoutMs,
      });
      if (run.exitCode === 0) return result('published');
      const output = run.all ?? '';
      if (options.alreadyPublished?.test(output)) return result('already-published');

      const why = run.timedOut
        ? `timed out after ${Math.round(timeoutMs / 1000)} s`
        : run.exitCode === undefined
          ? `could not start: ${run.originalMessage ?? run.message}`
          : `exited with code ${run.exitCode}${lastLine(output) ? `: ${lastLine(output)}` : ''}`;
      throw new SlipwayError('PUBLISH_FAILED', `publishing ${target.name}@${target.version}: the publish command ${why}`, {
        subject: `${target.name}@${target.version}`,
        hint: `run it yourself in ${target.dir} to see why: ${filled}`,
        cause: new Error(output.split('\n').slice(-30).join('\n')),
      });
    },
  };
}

/**
 * Replaces `{name}`, `{version}` and `{path}` (not `${name}`, which is the shell's own). A value
 * with characters the shell would interpret (a path with a space) is single-quoted, so write
 * placeholders unquoted: `cd {path} && ./publish.sh {name} {version}`. The quoting is POSIX
 * shell quoting (Linux and macOS runners); Windows' cmd.exe would need its own.
 */
export function fillPlaceholders(command: string, values: { name: string; version: string; path: string }): string {
  return command.replace(/(?<!\$)\{(name|version|path)\}/g, (_, key: keyof typeof values) => shellWord(values[key]));
}

function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

function lastLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1);
}
