import 'server-only';
import { isDatabaseUnavailable } from '@/db';
import { AppError, isAppError } from '@/lib/errors';

/**
 * An error a person should read as a message: an AppError, or the database being out of reach
 * (the form keeps what was typed; trying again later works). Null for bugs, and for Next's
 * redirects, which must propagate.
 */
export function asExpectedFailure(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) return new AppError('unavailable');
  return null;
}
