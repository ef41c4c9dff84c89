import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newSubmissionKey } from '@/lib/submission-key';

describe('submission keys', () => {
  it('are version 4 UUIDs that the server’s schema accepts, different each time', () => {
    const keys = Array.from({ length: 200 }, newSubmissionKey);
    for (const key of keys) expect(z.uuidv4().safeParse(key).success).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
