import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import ical, {
  ICalCalendarMethod,
  ICalEvent,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalCalendar,
  type ICalEventData,
} from 'ical-generator';
import type { FeedAbsenceRow, FeedEventRow, FeedRow } from '@/lib/dal/feed-rows';
import type { FeedOptions } from '@/lib/dal/feed-tokens';
import { nearestCssColor } from '@/lib/ics/css-colors';
import { generateVtimezone } from '@/lib/ics/timezones';
import { maySeePrivateType, presentAbsence } from '@/lib/privacy';

// Builds a team calendar with ical-generator one event at a time and streams it: the header, the
// events batch by batch as the consumer reads, then the footer. One big ICalCalendar.toString()
// would hold every event (and cost ~150 µs each); ICalEvent.toString() costs ~5 µs and nothing
// stays in memory. The bytes are the ones ical-generator would write for the whole calendar.

const UID_DOMAIN = 'teamcal';
/** How often clients should poll: REFRESH-INTERVAL and X-PUBLISHED-TTL. */
const REFRESH_SECONDS = 3_600;
/** Half days as timed events in the team's zone: a morning and an afternoon. */
const HALF_DAYS = { morning: ['09:00', '13:00'], afternoon: ['13:00', '18:00'] } as const;

export interface FeedWindow {
  from: string;
  to: string;
}

/** One year back to two years ahead, in UTC dates. */
export function feedWindow(now: Date): FeedWindow {
  const today = now.toISOString().slice(0, 10);
  const shift = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4)}`;
  // 29 February shifted to a common year becomes 1 March, a valid bound either way.
  return { from: shift(-1).replace('-02-29', '-03-01'), to: shift(2).replace('-02-29', '-03-01') };
}

export interface FeedCalendarInput {
  team: { id: string; name: string; timeZone: string };
  tokenId?: string;
  ownerId: string;
  options: FeedOptions;
  privateTypes: 'all' | 'own' | 'none';
  window: FeedWindow;
  /** The link's expiry date when a reminder is due, else null. */
  expiryWarning: string | null;
  renewUrl: string;
  rows: AsyncIterable<FeedRow[]>;
}

const DAY_MS = 86_400_000;
// Plain UTC arithmetic: this runs for every event of feeds with tens of thousands.
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * An absence as iCalendar text. ical-generator has no RFC 7986 COLOR property (its `x` accepts
 * only X- names), so the line is added before END:VEVENT; the value is a bare CSS name.
 */
function absenceText(row: FeedAbsenceRow, input: FeedCalendarInput, calendar: ICalCalendar) {
  const { data, color } = absenceEvent(row, input);
  return new ICalEvent(data, calendar)
    .toString()
    .replace(/END:VEVENT\r\n$/, `COLOR:${nearestCssColor(color)}\r\nEND:VEVENT\r\n`);
}

function absenceEvent(
  row: FeedAbsenceRow,
  input: FeedCalendarInput,
): { data: ICalEventData; color: string } {
  const shown = presentAbsence({
    personName: row.personName,
    typeLabel: row.typeLabel,
    typeColor: row.typeColor,
    typePrivate: row.typePrivate,
    note: row.note,
    viewerMaySeePrivateType: maySeePrivateType(
      {
        userId: input.privateTypes === 'none' ? null : input.ownerId,
        seesAllPrivateTypes: input.privateTypes === 'all',
      },
      row.userId,
    ),
    privacy: input.options.privacy,
  });
  const pending = row.status === 'pending';
  const singleHalf =
    row.startDate === row.endDate && (row.halfDayStart || row.halfDayEnd)
      ? HALF_DAYS[row.halfDayStart ? 'afternoon' : 'morning']
      : null;
  const halves = [
    row.halfDayStart && !singleHalf ? `afternoon only on ${row.startDate}` : '',
    row.halfDayEnd && !singleHalf ? `morning only on ${row.endDate}` : '',
  ].filter(Boolean);
  const description = [shown.note, halves.length ? `Half days: ${halves.join(', ')}.` : '']
    .filter(Boolean)
    .join('\n');
  const data: ICalEventData = {
    id: `absence-${row.id}@${UID_DOMAIN}`,
    sequence: row.sequence,
    stamp: row.updatedAt,
    created: row.createdAt,
    lastModified: row.updatedAt,
    summary: pending ? `${shown.title} (pending)` : shown.title,
    description: description || null,
    status: pending ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.TRANSPARENT,
    categories: [{ name: shown.label }],
    ...(singleHalf
      ? {
          start: `${row.startDate}T${singleHalf[0]}:00`,
          end: `${row.startDate}T${singleHalf[1]}:00`,
          timezone: input.team.timeZone,
        }
      : { allDay: true, start: row.startDate, end: nextDay(row.endDate) }),
  };
  return { data, color: shown.color };
}

const localTime = (instant: Date, timeZone: string) =>
  format(new TZDate(instant, timeZone), "yyyy-MM-dd'T'HH:mm:ss");

/** A team event, whole at every privacy level: it holds no personal data. */
function teamEvent(row: FeedEventRow): ICalEventData {
  return {
    id: `event-${row.id}@${UID_DOMAIN}`,
    sequence: row.sequence,
    stamp: row.updatedAt,
    created: row.createdAt,
    lastModified: row.updatedAt,
    summary: row.title,
    description: row.description,
    location: row.location,
    status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.OPAQUE,
    categories: [{ name: 'Team event' }],
    ...(row.allDay || !row.startsAt || !row.endsAt
      ? { allDay: true, start: row.startDate, end: nextDay(row.endDate) }
      : {
          start: localTime(row.startsAt, row.timeZone),
          end: localTime(row.endsAt, row.timeZone),
          timezone: row.timeZone,
        }),
  };
}

function expiryReminder(input: FeedCalendarInput, date: string): ICalEventData {
  return {
    id: `expiry-${input.tokenId ?? input.ownerId}-${date}@${UID_DOMAIN}`,
    stamp: new Date(`${date}T00:00:00Z`),
    allDay: true,
    start: date,
    end: nextDay(date),
    summary: `TeamCal link expires on ${date} — renew at ${input.renewUrl}`,
    description: `This calendar stops updating on ${date}. Open ${input.renewUrl} and choose Calendar → Subscribe to get a new link.`,
    transparency: ICalEventTransparency.TRANSPARENT,
  };
}

/** The calendar around the events, split where the events go. */
function calendarFrame(input: FeedCalendarInput): {
  calendar: ICalCalendar;
  header: string;
  footer: string;
} {
  const calendar = ical({
    name: `${input.team.name} – TeamCal`,
    prodId: { company: 'TeamCal', product: 'TeamCal', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
    x: [{ key: 'X-WR-TIMEZONE', value: input.team.timeZone }],
  });
  const text = calendar.toString();
  const end = text.lastIndexOf('END:VCALENDAR');
  return { calendar, header: text.slice(0, end), footer: text.slice(end) };
}

const encoder = new TextEncoder();
const vtimezone = (timeZone: string) => `${generateVtimezone(timeZone)}\r\n`;

/** The feed as a byte stream that reads the next batch of rows only when the consumer pulls. */
export function feedCalendarStream(input: FeedCalendarInput): ReadableStream<Uint8Array> {
  const { calendar, header, footer } = calendarFrame(input);
  const zones = new Set<string>([input.team.timeZone]);
  const iterator = input.rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(header + vtimezone(input.team.timeZone)));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        let tail = '';
        if (input.expiryWarning)
          tail += new ICalEvent(expiryReminder(input, input.expiryWarning), calendar).toString();
        controller.enqueue(encoder.encode(tail + footer));
        controller.close();
        return;
      }
      let chunk = '';
      for (const row of next.value) {
        if (row.kind === 'event' && !zones.has(row.timeZone) && !row.allDay) {
          // A zone seen only now: its definition may follow the events that use it.
          zones.add(row.timeZone);
          chunk += vtimezone(row.timeZone);
        }
        chunk +=
          row.kind === 'absence'
            ? absenceText(row, input, calendar)
            : new ICalEvent(teamEvent(row), calendar).toString();
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
