/**
 * Which install and which per-unit command a job runs: slipway.yml's `commands.*` win (empty:
 * none), else the ecosystem's defaults (src/adapters/ecosystems/command-defaults.ts). Validate
 * and release decide the same way, so a release builds exactly what validate built.
 */
import type { RootInstall, UnitCommand } from '../../adapters/ecosystems/command-defaults.ts';

/** slipway.yml's command for a kind when it sets one (empty: none), else the default. */
export async function chosenUnitCommand(configured: string | undefined, kind: 'build' | 'test', fallback: () => Promise<UnitCommand>): Promise<UnitCommand> {
  if (configured === undefined) return fallback();
  return configured.trim() === '' ? { skipped: `commands.${kind} is empty in slipway.yml` } : { command: configured };
}

/** The install to run once at the root, or why none runs; `configured`: it is slipway.yml's own. */
export type InstallChoice = { command: string; configured: boolean } | { skipped: string; dependenciesInPlace: boolean };

/**
 * commands.install always (empty: none), else the default one only when its dependencies are
 * missing (a checkout with node_modules is left as it is).
 */
export async function chosenInstall(configured: string | undefined, fallback: RootInstall | undefined): Promise<InstallChoice> {
  if (configured !== undefined) return configured.trim() === '' ? { skipped: 'commands.install is empty in slipway.yml', dependenciesInPlace: false } : { command: configured, configured: true };
  if (!fallback) return { skipped: 'no install command for this repository', dependenciesInPlace: false };
  if (!(await fallback.needed())) return { skipped: `dependencies are in place (node_modules), \`${fallback.command}\` not run`, dependenciesInPlace: true };
  return { command: fallback.command, configured: false };
}

/** What to do about a failed install, for its message. 127: the shell found no such command. */
export function installFix(choice: { command: string; configured: boolean }, exitCode: number | undefined): string {
  if (choice.configured) return 'fix commands.install in slipway.yml';
  if (exitCode === 127) {
    return `put ${choice.command.split(' ')[0]} on PATH (\`corepack enable\` brings pnpm and Yarn, \`npm install --global bun\` Bun; slipway's reusable workflows do both), or set commands.install in slipway.yml`;
  }
  return 'commit a lockfile that matches package.json (run the install locally), or set commands.install in slipway.yml';
}
