import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { ClientMessages } from './_components/client-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: 'TeamCal', template: '%s · TeamCal' },
    description: t('description'),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so Next.js can mark its scripts
  // with this request's CSP nonce (set by the front door); error pages name the request id.
  const requestId = (await headers()).get('x-request-id') ?? '';
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <head>
        <meta name="teamcal-request-id" content={requestId} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ClientMessages namespaces={[]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
