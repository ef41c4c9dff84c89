import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ChoosePasswordForm } from '@/app/_components/choose-password-form';
import { AuthCard } from '@/app/_components/auth-card';
import { setupSecretSchema } from '@/lib/admin-validation';
import { findPasswordReset } from '@/lib/dal/password-reset';
import { isAppError } from '@/lib/errors';
import { translateText } from '@/lib/i18n/translate';
import { PASSWORD_MIN_LENGTH } from '@/lib/passwords';
import { resetPasswordAction } from './actions';

// Public, like the setup page: the secret in the address must not travel further.
export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations('auth.reset'))('title'),
    referrer: 'no-referrer',
    robots: { index: false, follow: false },
  };
}

type Props = { params: Promise<{ secret: string }> };

async function lookUp(secret: string) {
  try {
    return await findPasswordReset(setupSecretSchema.catch('').parse(secret));
  } catch (error) {
    if (isAppError(error)) return { problem: translateText(error.text, await getLocale()) };
    throw error;
  }
}

export default async function ResetPasswordPage({ params }: Props) {
  const { secret } = await params;
  const [reset, t] = await Promise.all([lookUp(secret), getTranslations('auth')]);
  return (
    <AuthCard>
      {'problem' in reset ? (
        <>
          <h1 className="mb-2 text-lg font-semibold">{t('linkGone')}</h1>
          <p role="alert" className="text-sm text-slate-700">
            {reset.problem}
          </p>
          <p className="mt-4 text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">
              {t('reset.askNew')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1 className="mb-1 text-lg font-semibold">{t('reset.title')}</h1>
          <p className="mb-5 text-sm break-words text-slate-600">
            {t.rich('reset.intro', {
              email: reset.email,
              min: PASSWORD_MIN_LENGTH,
              strong: (chunks) => <span className="font-medium text-slate-900">{chunks}</span>,
            })}
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
