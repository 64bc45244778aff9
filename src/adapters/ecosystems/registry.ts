/** The ecosystems slipway knows: one finder and one updater each. A new ecosystem is one line per list. */
import type { Ecosystem } from '../../core/types.ts';
import { genericFinder } from './generic/find.ts';
import { genericUpdater } from './generic/update.ts';
import { gradleFinder } from './gradle/find.ts';
import { gradleUpdater } from './gradle/update.ts';
import { mavenFinder } from './maven/find.ts';
import { mavenUpdater } from './maven/update.ts';
import { npmFinder } from './npm/find.ts';
import { npmUpdater } from './npm/update.ts';
import { pythonFinder } from './python/find.ts';
import { pythonUpdater } from './python/update.ts';
import type { FleetFinder, ManifestUpdater } from './types.ts';

export const finders: readonly FleetFinder[] = [npmFinder, gradleFinder, mavenFinder, pythonFinder, genericFinder];
export const updaters: readonly ManifestUpdater[] = [npmUpdater, gradleUpdater, mavenUpdater, pythonUpdater, genericUpdater];

export function finderFor(ecosystem: Ecosystem): FleetFinder {
  return byEcosystem(finders, ecosystem);
}

export function updaterFor(ecosystem: Ecosystem): ManifestUpdater {
  return byEcosystem(updaters, ecosystem);
}

function byEcosystem<T extends { ecosystem: Ecosystem }>(list: readonly T[], ecosystem: Ecosystem): T {
  const found = list.find((item) => item.ecosystem === ecosystem);
  if (!found) throw new Error(`no ${ecosystem} support registered`); // the lists above cover every Ecosystem
  return found;
}
