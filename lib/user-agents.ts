// Names people recognise for the calendar clients that fetch feeds, from their User-Agent.

const CLIENTS: [RegExp, string][] = [
  [/Google-Calendar-Importer|Google/i, 'Google Calendar'],
  [/Microsoft Outlook|Outlook|Exchange|Microsoft Office/i, 'Outlook'],
  [/Thunderbird/i, 'Thunderbird'],
  [/CalendarAgent|dataaccessd|iOS\/.*accountsd|Mac ?OS X.*Calendar|iCal/i, 'Apple Calendar'],
  [/DAVx5|DAVdroid/i, 'DAVx⁵'],
  [/curl|wget|python|node|go-http-client|axios/i, 'a script'],
];

/** 'Google Calendar', 'Outlook'… or the start of the raw User-Agent when unknown. */
export function describeCalendarClient(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const known = CLIENTS.find(([pattern]) => pattern.test(userAgent));
  return known ? known[1] : userAgent.slice(0, 60);
}
