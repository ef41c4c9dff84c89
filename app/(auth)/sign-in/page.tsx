import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Logo } from '@/app/_components/logo';
import { getActor } from '@/lib/auth';
import { callbackPathSchema } from '@/lib/validation';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = callbackPathSchema.parse(params.callbackUrl ?? '/teams');
  if (await getActor()) redirect(callbackUrl);
  // Auth.js's own endpoints report failures back to this page in the query string.
  const initialMessage =
    params.code === 'rate_limited'
      ? 'Too many failed sign-in attempts. Please wait a few minutes.'
      : params.error
        ? 'Sign-in failed: check your email and password.'
        : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex justify-center text-xl">
          <Logo />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-1 text-lg font-semibold">Sign in</h1>
          <p className="mb-5 text-sm text-slate-600">
            Your team’s absences and calendars, in one place.
          </p>
          <SignInForm callbackUrl={callbackUrl} initialMessage={initialMessage} />
        </div>
      </div>
    </main>
  );
}
