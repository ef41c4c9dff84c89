import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDirectory } from '@/lib/data-directory';

// AUTH_SECRET signs session cookies. When the environment doesn't set one, TeamCal generates it
// once and keeps it beside the embedded database, so sessions survive restarts.

let cached: string | undefined;

export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (cached) return cached;
  const directory = dataDirectory();
  const file = path.join(directory, 'auth-secret');
  fs.mkdirSync(directory, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  cached = fs.readFileSync(file, 'utf8').trim();
  return cached;
}
