/**
 * One error type for everything a person must act on: a code, the thing it is about
 * (plugin, file, field, tag, input) and a hint saying what to do. Entry points print
 * `message` + `hint`; the stack only with --debug / ACTIONS_STEP_DEBUG.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_UNREADABLE'
  | 'MANIFEST_MISSING'
  | 'MANIFEST_INVALID'
  | 'VERSION_INVALID'
  | 'TAG_INVALID'
  | 'GIT_FAILED'
  | 'PLAN_INVALID'
  | 'PLAN_TAMPERED'
  | 'PLAN_STALE'
  | 'OVERRIDE_INVALID'
  | 'TAG_EXISTS'
  | 'BRANCH_NOT_ALLOWED'
  | 'VALIDATION_FAILED'
  | 'RELEASE_FAILED'
  | 'PUBLISH_FAILED'
  | 'BUILD_FAILED'
  | 'CATALOG_INVALID'
  | 'RESULTS_INVALID'
  | 'CORE_BUILD_FAILED'
  | 'METADATA_INVALID'
  | 'INPUT_INVALID'
  | 'API_FAILED'
  | 'NOT_FOUND'
  | 'USAGE';

export interface ErrorDetails {
  /** What the error is about: a plugin name, a file path (with :line where known), a tag, an input. */
  subject?: string;
  /** What the person should do next. */
  hint?: string;
  cause?: unknown;
}

export class SlipwayError extends Error {
  readonly code: ErrorCode;
  readonly subject: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SlipwayError';
    this.code = code;
    this.subject = details.subject;
    this.hint = details.hint;
  }
}

export function isSlipwayError(error: unknown): error is SlipwayError {
  return error instanceof SlipwayError;
}

/** The one line (plus hint) a person sees for any error. */
export function formatError(error: unknown): string {
  if (isSlipwayError(error)) {
    const subject = error.subject ? `${error.subject}: ` : '';
    const hint = error.hint ? `\n  hint: ${error.hint}` : '';
    return `${subject}${error.message}${hint}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
