import type { Metadata } from 'next';
import { headers } from 'next/headers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'TeamCal', template: '%s · TeamCal' },
  description: 'Team absences, statistics and calendar feeds you can share safely.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so Next.js can mark its scripts
  // with this request's CSP nonce (set by the front door); error pages name the request id.
  const requestId = (await headers()).get('x-request-id') ?? '';
  return (
    <html lang="en">
      <head>
        <meta name="teamcal-request-id" content={requestId} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
