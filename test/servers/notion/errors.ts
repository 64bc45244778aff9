/**
 * Notion's error answers: `{ object: 'error', status, code, message }` with the codes and
 * message wording from https://developers.notion.com/reference/status-codes.
 */

export class NotionError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }

  body(requestId: string): Record<string, unknown> {
    return { object: 'error', status: this.status, code: this.code, message: this.message, request_id: requestId };
  }
}

export const validation = (message: string): NotionError => new NotionError(400, 'validation_error', message);

/** "body failed validation: body.x should be ..." — the form Notion uses for schema failures. */
export const bodyInvalid = (path: string, should: string, was?: unknown): NotionError =>
  validation(`body failed validation: ${path} should be ${should}${was === undefined ? '' : `, instead was \`${typeof was === 'string' ? JSON.stringify(was) : String(was)}\``}.`);

export const notFound = (kind: 'page' | 'block' | 'database' | 'data_source', id: string): NotionError =>
  new NotionError(404, 'object_not_found', `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);

// "Can't edit block that is archived. You must unarchive the block before editing."
export const archived = (): NotionError => validation("Can't edit block that is archived. You must unarchive the block before editing.");

/** The code and message Notion answers with for a status, used by injected failures. */
export function errorForStatus(status: number): NotionError {
  const known: Record<number, [string, string]> = {
    400: ['validation_error', 'Injected validation failure.'],
    401: ['unauthorized', 'API token is invalid.'],
    403: ['restricted_resource', 'API token does not have access to this resource.'],
    404: ['object_not_found', 'Could not find object. Make sure the relevant pages and databases are shared with your integration.'],
    409: ['conflict_error', 'Conflict occurred while saving. Please try again.'],
    429: ['rate_limited', 'You have been rate limited. Please try again in a few minutes.'],
    500: ['internal_server_error', 'Unexpected error occurred.'],
    502: ['internal_server_error', 'Bad gateway.'],
    503: ['service_unavailable', 'Notion is unavailable, please try again later.'],
    504: ['gateway_timeout', 'Notion timed out while processing the request.'],
    529: ['service_overload', 'Notion is overloaded, please try again later.'],
  };
  const [code, message] = known[status] ?? ['internal_server_error', `Injected HTTP ${status}.`];
  return new NotionError(status, code, message);
}
