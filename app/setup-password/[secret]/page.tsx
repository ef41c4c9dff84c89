import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AuthCard } from '@/app/_components/auth-card';
import { setupSecretSchema } from '@/lib/admin-validation';
import { findPasswordSetup, type PasswordSetup } from '@/lib/dal/password-setup';
import { isAppError } from '@/lib/errors';
import { translateText } from '@/lib/i18n/translate';
import { PASSWORD_MIN_LENGTH } from '@/lib/passwords';
import { ChoosePasswordForm } from '@/app/_components/choose-password-form';
import { choosePasswordAction } from './actions';

// Public: the person has no password yet. The secret in the address must not travel further.
export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations('auth.setup'))('title'),
    referrer: 'no-referrer',
    robots: { index: false, follow: false },
  };
}

type Props = { params: Promise<{ secret: string }> };

async function lookUp(secret: string): Promise<PasswordSetup | { problem: string }> {
  try {
    return await findPasswordSetup(setupSecretSchema.catch('').parse(secret));
  } catch (error) {
    if (isAppError(error)) return { problem: translateText(error.text, await getLocale()) };
    throw error;
  }
}

export default async function SetupPasswordPage({ params }: Props) {
  const { secret } = await params;
  const [setup, t] = await Promise.all([lookUp(secret), getTranslations('auth')]);
  return (
    <AuthCard>
      {'problem' in setup ? (
        <>
          <h1 className="mb-2 text-lg font-semibold">{t('linkGone')}</h1>
          <p role="alert" className="text-sm text-slate-700">
            {setup.problem}
          </p>
          <p className="mt-4 text-sm text-slate-600">
            {t('setup.alreadyChose')}{' '}
            <Link href="/sign-in" className="font-medium text-brand-700 underline">
              {t('setup.signIn')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1 className="mb-1 text-lg font-semibold break-words">
            {t('setup.welcome', { name: setup.name })}
          </h1>
          <p className="mb-5 text-sm break-words text-slate-600">
            {t.rich('setup.intro', {
              email: setup.email,
              min: PASSWORD_MIN_LENGTH,
              strong: (chunks) => <span className="font-medium text-slate-900">{chunks}</span>,
            })}
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
