/**
 * compat's commands for one checkout (the fleet's, or a cloned plugin repository in org mode):
 * slipway.yml's, else what the checkout's own tools call for — an npm fleet's package manager
 * (`pnpm run test` in a pnpm repository) — else the ecosystem's default.
 */
import { strategyFor } from '../../adapters/ecosystems/strategy.ts';
import { compatCommands, type CompatCommands } from '../../core/compat/ecosystem-commands.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import type { Ecosystem } from '../../core/types.ts';

export async function compatCommandsAt(config: SlipwayConfig, ecosystem: Ecosystem, root: string): Promise<CompatCommands> {
  const custom = config.compat.test !== undefined || config.commands.test !== undefined;
  const detected = custom ? undefined : (await strategyFor(ecosystem).commandDefaults(root)).runTests;
  return compatCommands(config, ecosystem, detected);
}
