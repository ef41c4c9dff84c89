import crypto from 'node:crypto';

// Feed token format: `tcal_` + 43 base62 characters of randomness (256 bits from the CSPRNG) + 6
// base62 characters of checksum. The prefix lets secret scanners spot a leaked token; base62
// keeps it one word that a double click selects whole; the checksum rejects mistyped or invented
// tokens before any database query.

export const TOKEN_PREFIX = 'tcal_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + BODY_LENGTH + CHECKSUM_LENGTH;
const TOKEN_PATTERN = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${BODY_LENGTH + CHECKSUM_LENGTH}}$`);
/** How much of a token lists show, enough to recognise it and far too little to use it. */
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 6;

function toBase62(bytes: Buffer, length: number): string {
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let text = '';
  while (value > 0n) {
    text = ALPHABET[Number(value % 62n)] + text;
    value /= 62n;
  }
  return text.padStart(length, '0').slice(-length);
}

function checksumOf(body: string): string {
  const digest = crypto.createHash('sha256').update(`${TOKEN_PREFIX}${body}`).digest();
  return toBase62(digest.subarray(0, 5), CHECKSUM_LENGTH);
}

export interface NewFeedToken {
  /** Shown once to the person, never stored nor logged. */
  token: string;
  tokenHash: string;
  displayPrefix: string;
}

export function generateFeedToken(): NewFeedToken {
  const body = toBase62(crypto.randomBytes(32), BODY_LENGTH);
  const token = `${TOKEN_PREFIX}${body}${checksumOf(body)}`;
  return { token, tokenHash: hashFeedToken(token), displayPrefix: displayPrefixOf(token) };
}

/** Whether a string has a token's shape and a valid checksum; costs no database query. */
export function isWellFormedFeedToken(candidate: string): boolean {
  if (!TOKEN_PATTERN.test(candidate)) return false;
  const body = candidate.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + BODY_LENGTH);
  const checksum = candidate.slice(-CHECKSUM_LENGTH);
  return crypto.timingSafeEqual(Buffer.from(checksum), Buffer.from(checksumOf(body)));
}

/** The SHA-256 (hex) that the database stores and looks tokens up by. */
export function hashFeedToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function displayPrefixOf(token: string): string {
  return token.slice(0, DISPLAY_LENGTH);
}
