/** Reading the plan file the plan job wrote (`slipway plan --out`, or the workflow's artifact). */
import { readFile } from 'node:fs/promises';
import { SlipwayError } from '../../core/errors.ts';

/** The file's JSON, unchecked: the release job parses and verifies it. */
export async function readPlanFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SlipwayError('PLAN_INVALID', `cannot read the plan file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      subject: file,
      hint: 'write one with `slipway plan --out plan.json`, or download the plan job\'s artifact',
      cause: error,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SlipwayError('PLAN_INVALID', `the plan file is not JSON: ${(error as Error).message}`, { subject: file, cause: error });
  }
}
