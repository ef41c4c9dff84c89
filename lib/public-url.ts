// Absolute links to TeamCal (feed URLs that calendar clients fetch). TEAMCAL_PUBLIC_URL wins, so
// that links are right behind any proxy; otherwise the address the request came to.

/**
 * The configured public address, for what is written into feeds: a feed body is cached and
 * validated by ETag, so it must not depend on the Host a request happened to send.
 */
export function configuredPublicUrl(): string {
  const configured = process.env.TEAMCAL_PUBLIC_URL?.trim();
  return (configured || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
}

export function publicBaseUrl(headers: Headers): string {
  const configured = process.env.TEAMCAL_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost:3000';
  const protocol = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http';
  return `${protocol === 'https' ? 'https' : 'http'}://${host}`;
}

/** The ways to add a feed to a calendar client, all from its https:// (or http://) address. */
export function subscriptionLinks(feedUrl: string, calendarName: string) {
  const webcal = feedUrl.replace(/^https?:\/\//, 'webcal://');
  return {
    feedUrl,
    webcal,
    // Google accepts only a webcal:// address in cid; an https:// one fails.
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(feedUrl)}&name=${encodeURIComponent(calendarName)}`,
    outlookWork: `https://outlook.office.com/calendar/0/addfromweb?url=${encodeURIComponent(feedUrl)}&name=${encodeURIComponent(calendarName)}`,
  };
}
