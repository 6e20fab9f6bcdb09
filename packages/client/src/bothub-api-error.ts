/**
 * The error the client's data helpers throw for an error response: the service's `{ error: { code, message, details } }`
 * with the HTTP status.
 */

/** The body of every error response of the service. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}

/**
 * @example
 * try {
 *   await bothub.get('/api/v1/models/{model}', { params: { path: { model: 'churn' } } });
 * } catch (error) {
 *   if (error instanceof BothubApiError && error.code === 'model_not_found') console.log('no such model');
 * }
 */
export class BothubApiError extends Error {
  /** The catalogue code (`model_not_found`, `validation_failed`, …), or `unexpected_response` for a body of another shape. */
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'BothubApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /**
   * The error of a response that is not 2xx; `body` is its parsed JSON (or text), when any.
   *
   * @example
   * BothubApiError.fromResponse(404, { error: { code: 'model_not_found', message: 'No model with this name in the project.' } });
   */
  static fromResponse(status: number, body: unknown): BothubApiError {
    if (isErrorBody(body)) return new BothubApiError(status, body.error.code, body.error.message, body.error.details);
    // A proxy's page or an empty body: keep what came, so the cause can be seen.
    return new BothubApiError(status, 'unexpected_response', `The service answered HTTP ${status} without an error body.`, body);
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && 'message' in error && typeof error.message === 'string';
}
