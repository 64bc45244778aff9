/**
 * The bundled CLI's entry (dist/cli.js → dist/cli/main.js). It always runs, whatever path or
 * symlink (node_modules/.bin/slipway) started it.
 */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
