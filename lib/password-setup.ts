import crypto from 'node:crypto';

// One-time password-setup links: 256 random bits in base64url (43 characters), of which only the
// SHA-256 is stored, so a copy of the database cannot be used to take over an account.

/** How long a setup link works after it was issued. */
export const SETUP_LINK_LIFETIME_DAYS = 7;

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface NewSetupSecret {
  /** Shown once, in the link given to the person; never stored nor logged. */
  secret: string;
  hash: string;
}

export function generateSetupSecret(): NewSetupSecret {
  const secret = crypto.randomBytes(32).toString('base64url');
  return { secret, hash: hashSetupSecret(secret) };
}

export function hashSetupSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** Whether a string has a setup secret's shape; costs no database query. */
export function isWellFormedSetupSecret(candidate: string): boolean {
  return SECRET_PATTERN.test(candidate);
}
