import type { Metadata } from 'next';
import { Logo } from '@/app/_components/logo';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function ForgotPasswordPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex justify-center text-xl">
          <Logo />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-1 text-lg font-semibold">Forgot your password?</h1>
          <p className="mb-5 text-sm text-slate-600">
            Enter the email address you sign in with. We’ll send you a link to choose a new
            password.
          </p>
          <ForgotPasswordForm />
        </div>
      </div>
    </main>
  );
}
