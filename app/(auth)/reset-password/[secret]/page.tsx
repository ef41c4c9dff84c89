import type { Metadata } from 'next';
import Link from 'next/link';
import { ChoosePasswordForm } from '@/app/_components/choose-password-form';
import { AuthCard } from '@/app/_components/auth-card';
import { setupSecretSchema } from '@/lib/admin-validation';
import { findPasswordReset } from '@/lib/dal/password-reset';
import { isAppError } from '@/lib/errors';
import { PASSWORD_MIN_LENGTH } from '@/lib/passwords';
import { resetPasswordAction } from './actions';

// Public, like the setup page: the secret in the address must not travel further.
export const metadata: Metadata = {
  title: 'Choose a new password',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

type Props = { params: Promise<{ secret: string }> };

async function lookUp(secret: string) {
  try {
    return await findPasswordReset(setupSecretSchema.catch('').parse(secret));
  } catch (error) {
    if (isAppError(error)) return { problem: error.message };
    throw error;
  }
}

export default async function ResetPasswordPage({ params }: Props) {
  const { secret } = await params;
  const reset = await lookUp(secret);
  return (
    <AuthCard>
      {'problem' in reset ? (
        <>
          <h1 className="mb-2 text-lg font-semibold">This link no longer works</h1>
          <p role="alert" className="text-sm text-slate-700">
            {reset.problem}
          </p>
          <p className="mt-4 text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
              Ask for a new link
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1 className="mb-1 text-lg font-semibold">Choose a new password</h1>
          <p className="mb-5 text-sm text-slate-600">
            For <span className="font-medium text-slate-900">{reset.email}</span>: at least{' '}
            {PASSWORD_MIN_LENGTH} characters. Saving it signs you out of TeamCal everywhere.
          </p>
          <ChoosePasswordForm
            action={resetPasswordAction.bind(null, secret)}
            email={reset.email}
            minLength={PASSWORD_MIN_LENGTH}
          />
        </>
      )}
    </AuthCard>
  );
}
