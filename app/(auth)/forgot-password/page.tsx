import type { Metadata } from 'next';
import { AuthCard } from '@/app/_components/auth-card';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function ForgotPasswordPage() {
  return (
    <AuthCard>
      <h1 className="mb-1 text-lg font-semibold">Forgot your password?</h1>
      <p className="mb-5 text-sm text-slate-600">
        Enter the email address you sign in with. We’ll send you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
