// Expected failures carry a code; the code decides the HTTP status and what the user reads.
// Anything that is not an AppError is a bug: logged on the server, shown as a generic error.

import { TranslatableText } from '@/lib/i18n/translate';

const table = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  unavailable: 503,
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

  /** The message with its key, so a form shows it in the reader's language (English otherwise). */
  readonly text: string | TranslatableText;

  constructor(
    readonly code: AppErrorCode,
    message: string | TranslatableText = new TranslatableText(`errors.code.${code}`),
    options: AppErrorOptions = {},
  ) {
    super(String(message));
    this.text = message;
    this.name = 'AppError';
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.field = options.field;
  }

  get status(): number {
    return table[this.code];
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
