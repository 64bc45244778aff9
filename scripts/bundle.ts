/**
 * Bundles each entry point into one file under dist/: the CLI (dist/cli.js) and one file per
 * action (dist/<job>.js), so an action loads only the clients its job uses.
 *
 *   node scripts/bundle.ts           rebuild dist/
 *   node scripts/bundle.ts --check   fail when dist/ differs from a fresh build (check-dist)
 */
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');

export function entryPoints(): Record<string, string> {
  const entries: Record<string, string> = { cli: join(root, 'src/cli/main.ts') };
  const actionsDir = join(root, 'src/actions');
  if (existsSync(actionsDir)) {
    for (const file of readdirSync(actionsDir)) {
      if (file.endsWith('.ts') && !file.startsWith('_')) entries[basename(file, '.ts')] = join(actionsDir, file);
    }
  }
  return entries;
}

export async function bundle(outdir: string): Promise<void> {
  await build({
    entryPoints: entryPoints(),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    legalComments: 'none',
    logLevel: 'warning',
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);" },
  });
}

if (check) {
  const fresh = mkdtempSync(join(tmpdir(), 'slipway-dist-'));
  try {
    await bundle(fresh);
    const stale = Object.keys(entryPoints()).filter((name) => {
      const committed = join(root, 'dist', `${name}.js`);
      return !existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(join(fresh, `${name}.js`), 'utf8');
    });
    if (stale.length) {
      console.error(`dist/ is stale: ${stale.map((name) => `dist/${name}.js`).join(', ')} differ from a fresh build.\nRun \`npm run bundle\` and commit dist/.`);
      process.exitCode = 1;
    } else {
      console.log(`dist/ is up to date (${Object.keys(entryPoints()).length} bundles)`);
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
} else if (import.meta.url === `file://${process.argv[1]}`) {
  await bundle(join(root, 'dist'));
  console.log(`bundled ${Object.keys(entryPoints()).join(', ')} into dist/`);
}
