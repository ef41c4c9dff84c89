import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/app/_components/auth-card';
import { setupSecretSchema } from '@/lib/admin-validation';
import { findPasswordSetup, type PasswordSetup } from '@/lib/dal/password-setup';
import { isAppError } from '@/lib/errors';
import { PASSWORD_MIN_LENGTH } from '@/lib/passwords';
import { ChoosePasswordForm } from '@/app/_components/choose-password-form';
import { choosePasswordAction } from './actions';

// Public: the person has no password yet. The secret in the address must not travel further.
export const metadata: Metadata = {
  title: 'Choose your password',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

type Props = { params: Promise<{ secret: string }> };

async function lookUp(secret: string): Promise<PasswordSetup | { problem: string }> {
  try {
    return await findPasswordSetup(setupSecretSchema.catch('').parse(secret));
  } catch (error) {
    if (isAppError(error)) return { problem: error.message };
    throw error;
  }
}

export default async function SetupPasswordPage({ params }: Props) {
  const { secret } = await params;
  const setup = await lookUp(secret);
  return (
    <AuthCard>
      {'problem' in setup ? (
        <>
          <h1 className="mb-2 text-lg font-semibold">This link no longer works</h1>
          <p role="alert" className="text-sm text-slate-700">
            {setup.problem}
          </p>
          <p className="mt-4 text-sm text-slate-600">
            Already chose a password?{' '}
            <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
              Sign in
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1 className="mb-1 text-lg font-semibold">Welcome, {setup.name}</h1>
          <p className="mb-5 text-sm text-slate-600">
            Choose the password you will sign in with as{' '}
            <span className="font-medium text-slate-900">{setup.email}</span>: at least{' '}
            {PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good one.
          </p>
          <ChoosePasswordForm
            action={choosePasswordAction.bind(null, secret)}
            email={setup.email}
            minLength={PASSWORD_MIN_LENGTH}
          />
        </>
      )}
    </AuthCard>
  );
}
