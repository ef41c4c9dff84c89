import type { Metadata } from 'next';
import { AuthCard } from '@/app/_components/auth-card';
import { findGuestSetup } from '@/lib/dal/shares';
import { isAppError } from '@/lib/errors';
import { setupSecretSchema } from '@/lib/admin-validation';
import { GuestSetupForm } from './guest-setup-form';

export const metadata: Metadata = { title: 'Set up your calendar access', robots: 'noindex' };

type Props = { params: Promise<{ secret: string }> };

async function loadSetup(secret: string) {
  const parsed = setupSecretSchema.safeParse(secret);
  if (!parsed.success) return null;
  try {
    return await findGuestSetup(parsed.data);
  } catch (error) {
    if (isAppError(error) && error.code === 'gone') return null;
    throw error;
  }
}

/** Where a guest chooses the password their calendar app will send (no TeamCal account). */
export default async function GuestSetupPage({ params }: Props) {
  const { secret } = await params;
  const setup = await loadSetup(secret);
  return (
    <AuthCard wide>
      {setup ? (
        <>
          <h1 className="mb-1 text-lg font-semibold">“{setup.calendarName}” is shared with you</h1>
          <p className="mb-5 text-sm text-slate-600">
            Choose a password to read it in your calendar app.
          </p>
          <GuestSetupForm secret={secret} email={setup.email} />
        </>
      ) : (
        <>
          <h1 className="mb-1 text-lg font-semibold">This setup link no longer works</h1>
          <p className="text-sm text-slate-600">
            It has expired or was already used. Ask the person who shared the calendar for a new
            one.
          </p>
        </>
      )}
    </AuthCard>
  );
}
