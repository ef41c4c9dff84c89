import { describe, expect, it } from 'vitest';
import { AppError, errorResponse } from '@/lib/errors';

describe('application errors', () => {
  it.each([
    ['not_found', 404],
    ['gone', 410],
    ['unauthenticated', 401],
    ['rate_limited', 429],
    ['unavailable', 503],
  ] as const)('%s answers HTTP %i', (code, status) => {
    expect(new AppError(code).status).toBe(status);
  });

  it('become short JSON responses with Retry-After, never a stack trace', async () => {
    const response = errorResponse(
      new AppError('rate_limited', 'Slow down.', { retryAfterSeconds: 42 }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    const body = await response.json();
    expect(body).toEqual({ error: 'rate_limited', message: 'Slow down.' });
  });
});
