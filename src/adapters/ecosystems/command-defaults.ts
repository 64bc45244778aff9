/**
 * The commands validate runs when slipway.yml names none, as an ecosystem's strategy reads them
 * from a checkout: a tool (for messages), an install run once at the root, and per unit a build
 * and a test command — or the reason there is none, which the report shows as a skip.
 */
import type { RepoPath } from '../../core/types.ts';

/** A command to run in a unit's folder, or why there is none. */
export type UnitCommand = { command: string } | { skipped: string };

/** Installs the repository's dependencies once, at the root, before the first build or test. */
export interface RootInstall {
  command: string;
  /** Whether it has to run: false when the dependencies are in place already (a checkout with node_modules). */
  needed(): Promise<boolean>;
}

export interface CommandDefaults {
  /** What runs the commands and how that was decided ("pnpm (pnpm-lock.yaml)"); undefined where nothing is detected. */
  tool?: string | undefined;
  install?: RootInstall | undefined;
  /** The command that runs one unit's tests in its folder, script or not (compat's default); undefined: compat's own. */
  runTests?: string | undefined;
  build(unit: { path: RepoPath }): Promise<UnitCommand>;
  test(unit: { path: RepoPath }): Promise<UnitCommand>;
}

/** An ecosystem without default commands: only slipway.yml's run. */
export const noDefaults: CommandDefaults = {
  build: async () => ({ skipped: 'no commands.build in slipway.yml' }),
  test: async () => ({ skipped: 'no commands.test in slipway.yml' }),
};
