import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

// Every page's HTML carries the messages its client components may use; sending the whole
// catalogue (~75 kB) would ship every screen's texts, the admin's included, to every visitor.
/** Texts the client components of every page use: buttons, half days, the error page, sign-in. */
export const EVERY_PAGE = ['common.actions', 'common.halfDay', 'shell.error', 'auth', 'guest'];

type Catalogue = { [key: string]: string | Catalogue };

/** The parts of the catalogue these dotted paths name, e.g. 'common.actions', in their place. */
function pick(messages: Catalogue, paths: readonly string[]): Catalogue {
  const picked: Catalogue = {};
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let from = messages;
    let into = picked;
    for (const key of keys) {
      const next = from[key];
      if (typeof next !== 'object') throw new Error(`No message namespace ${path}`);
      from = next;
      into = (into[key] ??= {}) as Catalogue;
    }
    if (from[last] === undefined) throw new Error(`No message namespace ${path}`);
    into[last] = from[last];
  }
  return picked;
}

/** Gives the client components below the messages of these namespaces, and of every page's. */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: React.ReactNode;
}) {
  const messages = (await getMessages()) as Catalogue;
  return (
    <NextIntlClientProvider messages={pick(messages, [...EVERY_PAGE, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
