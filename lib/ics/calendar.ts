import { escape, ICalCalendar, ICalEvent } from 'ical-generator';
import type { FeedContext } from './events';
import { foldLines } from './fold';
import { generateVtimezone, isKnownTimeZone } from './timezones';
import type { CalendarInfo } from './types';

// The calendar object around the events, and its text split into what goes before the events
// (header) and after them (footer), so that events can be streamed in between.

/** The zones that get a VTIMEZONE: the team's first, then each known event zone once. */
function headerTimeZones(info: CalendarInfo): string[] {
  if (!isKnownTimeZone(info.timeZone)) throw new RangeError(`Unknown time zone: ${info.timeZone}`);
  const zones = new Set([info.timeZone]);
  for (const zone of info.eventTimeZones ?? []) if (isKnownTimeZone(zone)) zones.add(zone);
  return [...zones];
}

/**
 * An empty ical-generator calendar set up from `info`. Where a calendar object with every event is
 * wanted (small exports, tests), add events from {@link createFeedEvent} with `createEvent`.
 */
export function createFeedCalendar(info: CalendarInfo): ICalCalendar {
  return new ICalCalendar({
    prodId: info.productId,
    // No METHOD: a subscription feed is not an iTIP scheduling message. METHOD:PUBLISH would
    // make every VEVENT need an ORGANIZER (RFC 5546 §3.2.1), which libical checks and a team's
    // absences do not have; Outlook, Google and Apple subscribe to feeds without it.
    // ical-generator writes the calendar's name and description as given: escape them (RFC 5545
    // §3.3.11), or a comma, semicolon or newline in a team name would corrupt the feed.
    name: escape(info.name, false),
    description: info.description ? escape(info.description, false) : null,
    ttl: info.refreshIntervalSeconds,
    // The zone is left unnamed on purpose: with a named calendar zone ical-generator writes DTSTAMP,
    // CREATED and LAST-MODIFIED as floating local times of the server, where RFC 5545 requires UTC.
    // The generator still adds a VTIMEZONE for every zone an event uses.
    timezone: { name: null, generator: generateVtimezone },
    // So X-WR-TIMEZONE goes in as a custom property, which ical-generator writes after the events.
    x: [['X-WR-TIMEZONE', info.timeZone]],
  });
}

/** The calendar and zones that {@link createFeedEvent} renders against. */
export function createFeedContext(info: CalendarInfo): FeedContext {
  return {
    info,
    calendar: createFeedCalendar(info),
    timeZones: new Set(headerTimeZones(info)),
  };
}

export interface CalendarFrame {
  header: string;
  footer: string;
}

/**
 * ical-generator's own output around the events: the calendar is rendered with one marker event
 * per header zone (so that each gets its VTIMEZONE) and cut around those markers. Events written
 * between header and footer then give the bytes that `calendar.toString()` gives for a calendar
 * holding them, as long as its timed events use the header's zones in the same order.
 */
export function calendarFrame(info: CalendarInfo): CalendarFrame {
  const calendar = createFeedCalendar(info);
  const markers = headerTimeZones(info).map(
    (zone, index) =>
      new ICalEvent(
        {
          id: `teamcal-frame-marker-${index}`,
          start: new Date(0),
          stamp: new Date(0),
          timezone: zone,
        },
        calendar,
      ),
  );
  for (const marker of markers) calendar.createEvent(marker);
  const text = calendar.toString();
  const markerText = foldLines(markers.map((marker) => marker.toString()).join(''));
  const at = text.indexOf(markerText);
  if (at < 0) throw new Error('ical-generator changed its output: cannot find the frame markers');
  return inRfcOrder(text.slice(0, at), text.slice(at + markerText.length));
}

const END_CALENDAR = 'END:VCALENDAR';

/**
 * ical-generator writes some calendar properties (REFRESH-INTERVAL, X-PUBLISHED-TTL, custom X-
 * ones) after the VTIMEZONE components or after the events, and no line break after
 * END:VCALENDAR. RFC 5545 §3.6 puts every calendar property before the first component, and §3.1
 * ends every line with CRLF: the frame is rebuilt as the calendar's properties, then its
 * components (the VTIMEZONEs; events go after them), and the closing line alone as the footer.
 */
function inRfcOrder(header: string, footer: string): CalendarFrame {
  const properties: string[] = [];
  const components: string[] = [];
  let depth = 0;
  // Lines as written (folded ones keep their continuation lines, which start with a space).
  for (const line of (header + footer).split(/\r\n(?![ \t])/)) {
    if (!line) continue;
    if (line.startsWith('BEGIN:')) depth++;
    if (depth === 1 && line !== 'BEGIN:VCALENDAR' && line !== END_CALENDAR) properties.push(line);
    else if (depth > 1) components.push(line);
    if (line.startsWith('END:')) depth--;
  }
  if (depth !== 0) throw new Error('ical-generator changed its output: unbalanced components');
  return {
    header: ['BEGIN:VCALENDAR', ...properties, ...components].map((l) => `${l}\r\n`).join(''),
    footer: `${END_CALENDAR}\r\n`,
  };
}
