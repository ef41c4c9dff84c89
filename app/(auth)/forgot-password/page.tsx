import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.forgot'))('title') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('auth.forgot');
  return (
    <AuthCard>
      <h1 className="mb-1 text-lg font-semibold">{t('title')}</h1>
      <p className="mb-5 text-sm text-slate-600">{t('intro')}</p>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
