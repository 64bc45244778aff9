import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);

// src/core/errors.ts
var SlipwayError = class extends Error {
  code;
  subject;
  hint;
  constructor(code, message, details = {}) {
    super(message, details.cause === void 0 ? void 0 : { cause: details.cause });
    this.name = "SlipwayError";
    this.code = code;
    this.subject = details.subject;
    this.hint = details.hint;
  }
};
function isSlipwayError(error) {
  return error instanceof SlipwayError;
}
function formatError(error) {
  if (isSlipwayError(error)) {
    const subject = error.subject ? `${error.subject}: ` : "";
    const hint = error.hint ? `
  hint: ${error.hint}` : "";
    return `${subject}${error.message}${hint}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export {
  SlipwayError,
  isSlipwayError,
  formatError
};
