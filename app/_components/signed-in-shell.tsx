import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/(app)/actions';
import type { Actor } from '@/lib/dal/actor';
import { AppHeader } from './app-header';
import { ClientMessages } from './client-messages';

export async function SignedInShell({
  actor,
  messages,
  children,
}: {
  actor: Actor;
  /** The message namespaces this area's client components use. */
  messages: readonly string[];
  children: React.ReactNode;
}) {
  const t = await getTranslations('common.nav');
  return (
    <ClientMessages namespaces={messages}>
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
    </ClientMessages>
  );
}
