/**
 * An error a client caused (a bad parameter, a missing document), answered as JSON with its status, so that
 * every route reports problems the same way: `{ "error": { "status", "message", "param"? } }`.
 */

/** A client error with its HTTP status and, for validation errors, the parameter at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 422 | 503,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }

  /** The JSON body of the answer. */
  toJSON(): { error: { status: number; message: string; param?: string } } {
    return { error: { status: this.status, message: this.message, ...(this.param ? { param: this.param } : {}) } };
  }
}
