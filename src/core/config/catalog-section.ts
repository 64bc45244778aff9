import * as z from 'zod';
import { branchName } from './git-names.ts';

/** catalog: where the plugin catalog lives (owned by the index job). */
export const catalogSection = z
  .strictObject({
    /** The branch that holds the catalog files (usable as GitHub Pages). */
    branch: branchName().default('slipway-catalog'),
    /** A separate repository for the catalog (org mode): `owner/name`, a git URL or a path. */
    repository: z.string().optional(),
  })
  .default({ branch: 'slipway-catalog' });
