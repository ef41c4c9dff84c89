// Expected failures carry a code; the code decides the HTTP status and what the user reads.
// Anything that is not an AppError is a bug: logged on the server, shown as a generic error.

const table = {
  bad_request: { status: 400, message: 'The request is not valid.' },
  unauthenticated: { status: 401, message: 'Please sign in.' },
  forbidden: { status: 403, message: 'You are not allowed to do this.' },
  not_found: { status: 404, message: 'Not found.' },
  conflict: { status: 409, message: 'This conflicts with existing data.' },
  gone: { status: 410, message: 'This link is no longer valid.' },
  rate_limited: { status: 429, message: 'Too many attempts. Please wait and try again.' },
  unavailable: {
    status: 503,
    message: 'TeamCal can’t reach its database right now. Please try again in a moment.',
  },
} as const;

export type AppErrorCode = keyof typeof table;

export interface AppErrorOptions {
  retryAfterSeconds?: number;
  /** The form field the error is about, so the form can show it next to that field. */
  field?: string;
}

export class AppError extends Error {
  readonly retryAfterSeconds?: number;
  readonly field?: string;

  constructor(
    readonly code: AppErrorCode,
    message: string = table[code].message,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.field = options.field;
  }

  get status(): number {
    return table[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A JSON error response for route handlers: short, and never a stack trace. */
export function errorResponse(error: AppError, headers: HeadersInit = {}): Response {
  const extra = new Headers(headers);
  if (error.retryAfterSeconds) extra.set('Retry-After', String(error.retryAfterSeconds));
  return Response.json(
    { error: error.code, message: error.message },
    { status: error.status, headers: extra },
  );
}
