import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { findGuestSetup } from '@/lib/dal/shares';
import { isAppError } from '@/lib/errors';
import { setupSecretSchema } from '@/lib/admin-validation';
import { GuestSetupForm } from './guest-setup-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('guest'))('title'), robots: 'noindex' };
}

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
  const [setup, t] = await Promise.all([loadSetup(secret), getTranslations('guest')]);
  return (
    <AuthCard wide>
      {setup ? (
        <GuestSetupForm
          secret={secret}
          email={setup.email}
          heading={t('heading', { calendar: setup.calendarName })}
        />
      ) : (
        <>
          <h1 className="mb-1 text-lg font-semibold">{t('gone.heading')}</h1>
          <p className="text-sm text-slate-600">{t('gone.text')}</p>
        </>
      )}
    </AuthCard>
  );
}
