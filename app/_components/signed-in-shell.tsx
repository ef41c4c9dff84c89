import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/(app)/actions';
import type { Actor } from '@/lib/dal/actor';
import { AppHeader } from './app-header';

export async function SignedInShell({
  actor,
  children,
}: {
  actor: Actor;
  children: React.ReactNode;
}) {
  const t = await getTranslations('common.nav');
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('skipToContent')}
      </a>
      <AppHeader user={actor} signOutAction={signOutAction} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
