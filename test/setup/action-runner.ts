/** Runs an action entry point as GitHub does: inputs as INPUT_* variables, outputs and summary in files. */
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/repo.ts';

export async function runActionEntry(entry: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const dir = tempDir();
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
  const result = await execa(process.execPath, [join(import.meta.dirname, '../../src/actions', `${entry}.ts`)], {
    env: { PATH: process.env['PATH']!, HOME: process.env['HOME'] ?? dir, GITHUB_WORKSPACE: dir, ...files, ...env, ...inputEnv },
    extendEnv: false,
    reject: false,
  });
  const raw = readFileSync(files.GITHUB_OUTPUT, 'utf8');
  // GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` records.
  const outputs: Record<string, string> = {};
  for (const match of raw.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return { ...result, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}
