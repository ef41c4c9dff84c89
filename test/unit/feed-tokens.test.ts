import { describe, expect, it } from 'vitest';
import {
  generateFeedToken,
  hashFeedToken,
  isWellFormedFeedToken,
  TOKEN_LENGTH,
  TOKEN_PREFIX,
} from '@/lib/feed-tokens';

describe('feed tokens', () => {
  it('start with a recognisable prefix and carry 256 bits of randomness in base62', () => {
    const tokens = Array.from({ length: 200 }, () => generateFeedToken().token);
    for (const token of tokens) {
      expect(token).toMatch(/^tcal_[0-9A-Za-z]+$/);
      expect(token).toHaveLength(TOKEN_LENGTH);
      expect(isWellFormedFeedToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    // 43 base62 characters hold at least 256 bits.
    expect(Math.log2(62) * (TOKEN_LENGTH - TOKEN_PREFIX.length - 6)).toBeGreaterThanOrEqual(256);
  });

  it('store only a SHA-256 hash and show a short prefix', () => {
    const { token, tokenHash, displayPrefix } = generateFeedToken();
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashFeedToken(token));
    expect(tokenHash).not.toContain(token.slice(5, 15));
    expect(token.startsWith(displayPrefix)).toBe(true);
    expect(displayPrefix.length).toBeLessThan(16);
  });

  it('reject a mistyped token by its checksum', () => {
    const { token } = generateFeedToken();
    const position = 20;
    const typo = token[position] === 'a' ? 'b' : 'a';
    const mistyped = token.slice(0, position) + typo + token.slice(position + 1);
    expect(isWellFormedFeedToken(mistyped)).toBe(false);
  });

  it('reject junk of every shape', () => {
    const { token } = generateFeedToken();
    for (const junk of [
      '',
      'tcal_',
      token.slice(0, -1),
      `${token}x`,
      token.replace('tcal_', 'tcal-'),
      token.replace(/.$/, '!'),
      `${token.slice(0, -6)}000000`,
      '../../etc/passwd',
      'x'.repeat(TOKEN_LENGTH),
    ]) {
      expect(isWellFormedFeedToken(junk), junk).toBe(false);
    }
  });
});
