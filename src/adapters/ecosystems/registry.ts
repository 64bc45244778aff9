/** The ecosystems slipway knows, looked up by name; each is one strategy in ./strategy.ts. */
import { ECOSYSTEMS, type Ecosystem } from '../../core/types.ts';
import { strategies } from './strategy.ts';
import type { FleetFinder, ManifestUpdater } from './types.ts';

export const finders: readonly FleetFinder[] = ECOSYSTEMS.map((ecosystem) => strategies[ecosystem].finder);
export const updaters: readonly ManifestUpdater[] = ECOSYSTEMS.map((ecosystem) => strategies[ecosystem].updater);

export const finderFor = (ecosystem: Ecosystem): FleetFinder => strategies[ecosystem].finder;
export const updaterFor = (ecosystem: Ecosystem): ManifestUpdater => strategies[ecosystem].updater;
