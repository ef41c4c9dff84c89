import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Logo } from '@/app/_components/logo';
import { getActor } from '@/lib/auth';
import { DEFAULT_OIDC_NAME, oidcConfig } from '@/lib/oidc-config';
import { signInPageMessage } from '@/lib/sign-in-messages';
import { callbackPathSchema } from '@/lib/validation';
import { signInWithOidcAction } from './actions';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signIn'))('title') };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = callbackPathSchema.parse(params.callbackUrl ?? '/teams');
  if (await getActor()) redirect(callbackUrl);
  const oidc = oidcConfig();
  // Auth.js's own endpoints and refused OpenID sign-ins report back in the query string.
  const t = await getTranslations('auth.signIn');
  const initialMessage = signInPageMessage(
    params,
    oidc?.name ?? DEFAULT_OIDC_NAME,
    await getLocale(),
  );
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex justify-center text-xl">
          <Logo />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-1 text-lg font-semibold">{t('title')}</h1>
          <p className="mb-5 text-sm text-slate-600">{t('intro')}</p>
          {oidc && (
            <>
              <form action={signInWithOidcAction}>
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button
                  type="submit"
                  className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
                >
                  {t('withProvider', { provider: oidc.name })}
                </button>
              </form>
              <p className="my-5 flex items-center gap-3 text-xs text-slate-500">
                <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
                {t('orWithPassword')}
                <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
              </p>
            </>
          )}
          <SignInForm callbackUrl={callbackUrl} initialMessage={initialMessage} />
          <p className="mt-4 text-center text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">
              {t('forgot')}
            </Link>
          </p>
        </div>
      </div>
    </main>
  );
}
