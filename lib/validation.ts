import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '@/lib/passwords';

// The zod schemas of every boundary, with messages written for the person filling the form.

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'This email address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX_LENGTH, 'This password is too long.'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const teamSlugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** A path inside TeamCal to return to after sign-in; anything else (other sites, `//host`) is dropped. */
export const callbackPathSchema = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch('/teams');
