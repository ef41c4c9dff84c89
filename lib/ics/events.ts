import {
  ICalEvent,
  ICalEventBusyStatus,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalCalendar,
  type ICalEventData,
} from 'ical-generator';
import {
  maySeePrivateType,
  presentAbsence,
  presentAppointment,
  presentBooking,
  presentTeamEvent,
} from '@/lib/privacy';
import { nearestCssColorName } from './colors';
import { feedTexts, type FeedTexts } from './texts';
import { ZonedDate } from './zoned-date';
import type {
  AbsenceRow,
  BookingRow,
  CalendarInfo,
  ExpiryNotice,
  FeedItem,
  PublicHolidayRow,
  TeamEventRow,
} from './types';

// One ical-generator event per feed item. Absences are all-day events (DTEND exclusive), except a
// single day with one half off, which becomes a timed event in the team's zone:
export const MORNING = { startHour: 9, endHour: 13 } as const;
export const AFTERNOON = { startHour: 13, endHour: 18 } as const;
// Absences and team events are TRANSPARENT (and FREE for Outlook): they show what the team does
// and must never make the subscriber look busy. A person's appointments and a resource's
// bookings are OPAQUE: they are the time that calendar's owner is taken.

/** The UID of a row's event in this feed (see CalendarInfo.uidScope). */
function uid(info: CalendarInfo, prefix: string, id: string): string {
  return `${prefix}-${id}${info.uidScope ? `.${info.uidScope}` : ''}@${info.uidDomain}`;
}

/** What an event factory needs: the calendar it renders against and the zones its header has. */
export interface FeedContext {
  info: CalendarInfo;
  calendar: ICalCalendar;
  timeZones: ReadonlySet<string>;
}

const END_VEVENT = 'END:VEVENT\r\n';

/**
 * An ICalEvent that also writes RFC 7986 COLOR, which ical-generator has no setter for (its `x()`
 * takes X- names only). Calendar.toString() calls this toString too, so both paths agree.
 */
class FeedEvent extends ICalEvent {
  readonly #extraLines: string;

  constructor(data: ICalEventData, calendar: ICalCalendar, extraLines: string) {
    super(data, calendar);
    this.#extraLines = extraLines;
  }

  override toString(): string {
    const text = super.toString();
    if (!this.#extraLines) return text;
    return text.slice(0, -END_VEVENT.length) + this.#extraLines + END_VEVENT;
  }
}

function colorLine(hex: string): string {
  const name = nearestCssColorName(hex);
  return name ? `COLOR:${name}\r\n` : '';
}

/** A 'YYYY-MM-DD' date as UTC midnight: ical-generator writes all-day dates from UTC fields. */
function utcDate(date: string, plusDays = 0): Date {
  // Read by hand: Date.parse is a large share of an all-day event's cost.
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || !(month >= 1 && day >= 1)) {
    throw new RangeError(`Not a date: ${date}`);
  }
  return new Date(Date.UTC(year, month - 1, day + plusDays));
}

interface Timing {
  allDay: boolean;
  start: Date;
  end: Date;
  timezone: string | null;
}

/**
 * A timed span, written in `zone` — or in UTC when either end falls in the repeated hour of a
 * change back, where a local time names two instants and clients pick different ones (khal and
 * calcurse drop such events). UTC names the instant itself, which every client reads alike.
 */
function timed(startMs: number, endMs: number, zone: string): Timing {
  const start = new ZonedDate(startMs, zone);
  const end = new ZonedDate(endMs, zone);
  if (start.isAmbiguous || end.isAmbiguous)
    return { allDay: false, start: new Date(startMs), end: new Date(endMs), timezone: null };
  return { allDay: false, start, end, timezone: zone };
}

const allDay = (startDate: string, endDate: string): Timing => ({
  allDay: true,
  start: utcDate(startDate),
  end: utcDate(endDate, 1),
  timezone: null,
});

function halfDayOf(absence: AbsenceRow): typeof MORNING | typeof AFTERNOON | null {
  if (absence.startDate !== absence.endDate || absence.halfDayStart === absence.halfDayEnd) {
    return null;
  }
  return absence.halfDayStart ? AFTERNOON : MORNING;
}

/** The words of this feed, in its owner's language (see CalendarInfo.locale). */
const textsOf = (context: FeedContext): FeedTexts => feedTexts(context.info.locale);

/** What a multi-day absence's description says of its half days ('' when it has none). */
function halfDayRemarks(absence: AbsenceRow, texts: FeedTexts): string {
  if (absence.startDate === absence.endDate) return '';
  const first = absence.halfDayStart ? texts.firstAfternoon(absence.startDate) : '';
  const last = absence.halfDayEnd ? texts.lastMorning(absence.endDate) : '';
  return first && last ? `${first}\n\n${last}` : first || last;
}

function absenceEvent(context: FeedContext, absence: AbsenceRow): ICalEvent {
  const { info, calendar } = context;
  const texts = textsOf(context);
  const shown = presentAbsence(
    {
      personName: absence.personName,
      typeLabel: absence.typeLabel,
      typeColor: absence.typeColor,
      typePrivate: absence.typePrivate,
      note: absence.note,
      viewerMaySeePrivateType: maySeePrivateType(info.viewer, absence.personId),
      privacy: info.privacy,
    },
    texts,
  );
  const half = halfDayOf(absence);
  const timing: Timing = half
    ? timed(
        ZonedDate.fromWallClock(absence.startDate, half.startHour, info.timeZone).getTime(),
        ZonedDate.fromWallClock(absence.startDate, half.endHour, info.timeZone).getTime(),
        info.timeZone,
      )
    : allDay(absence.startDate, absence.endDate);
  const halfDays = info.privacy === 'busy' ? '' : halfDayRemarks(absence, texts);
  const description =
    halfDays && shown.note ? `${halfDays}\n\n${shown.note}` : halfDays || shown.note;
  const pending = absence.status === 'pending';
  const data: ICalEventData = {
    id: uid(info, 'absence', absence.id),
    sequence: absence.sequence,
    stamp: absence.updatedAt,
    allDay: timing.allDay,
    start: timing.start,
    end: timing.end,
    timezone: timing.timezone,
    summary: pending ? texts.pending(shown.title) : shown.title,
    description: description || null,
    categories: [{ name: shown.label }],
    status: pending ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.TRANSPARENT,
    busystatus: ICalEventBusyStatus.FREE,
    created: absence.createdAt,
    lastModified: absence.updatedAt,
  };
  return new FeedEvent(data, calendar, colorLine(shown.color));
}

/** The zone to write a timed event in: its own if the header has it, else the calendar's. */
function headerZone(context: FeedContext, zone: string): string {
  // A zone missing from the header is replaced by the calendar's: the instant stays the same.
  return context.timeZones.has(zone) ? zone : context.info.timeZone;
}

/**
 * A team event shows what the team does and leaves the subscriber free; a person's appointment
 * is their own commitment and makes them busy (its `busy` level exists for free/busy readers).
 */
function calendarEvent(
  context: FeedContext,
  event: TeamEventRow,
  kind: 'team' | 'appointment',
): ICalEvent {
  const present = kind === 'team' ? presentTeamEvent : presentAppointment;
  const { info, calendar } = context;
  const shown = present(
    {
      title: event.title,
      description: event.description,
      location: event.location,
      privacy: info.privacy,
    },
    textsOf(context),
  );
  const zone = headerZone(context, event.timeZone);
  // The schema requires instants on timed events; without them the local dates still place it.
  const timing: Timing =
    event.allDay || !event.startsAt || !event.endsAt
      ? allDay(event.startDate, event.endDate)
      : timed(event.startsAt.getTime(), event.endsAt.getTime(), zone);
  const data: ICalEventData = {
    id: uid(info, 'event', event.id),
    sequence: event.sequence,
    stamp: event.updatedAt,
    allDay: timing.allDay,
    start: timing.start,
    end: timing.end,
    timezone: timing.timezone,
    summary: shown.title,
    description: shown.description,
    location: shown.location,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency:
      kind === 'team' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    busystatus: kind === 'team' ? ICalEventBusyStatus.FREE : ICalEventBusyStatus.BUSY,
    created: event.createdAt,
    lastModified: event.updatedAt,
  };
  return new FeedEvent(data, calendar, '');
}

const BOOKING_STATUS = {
  requested: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  declined: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

function bookingEvent(context: FeedContext, booking: BookingRow): ICalEvent {
  const { info, calendar } = context;
  const texts = textsOf(context);
  const shown = presentBooking({ ...booking, privacy: info.privacy }, texts);
  const timing = timed(
    booking.startsAt.getTime(),
    booking.endsAt.getTime(),
    headerZone(context, booking.timeZone),
  );
  const data: ICalEventData = {
    id: uid(info, 'booking', booking.id),
    sequence: booking.sequence,
    stamp: booking.updatedAt,
    start: timing.start,
    end: timing.end,
    timezone: timing.timezone,
    summary: booking.status === 'requested' ? texts.requested(shown.title) : shown.title,
    description: shown.description,
    // Where the resource is, at every privacy level: a screen outside the room shows it anyway.
    location: booking.location
      ? `${booking.resourceName}, ${booking.location}`
      : booking.resourceName,
    status: BOOKING_STATUS[booking.status],
    // The resource's own calendar: a booking is what makes it busy.
    transparency: ICalEventTransparency.OPAQUE,
    busystatus: ICalEventBusyStatus.BUSY,
    created: booking.createdAt,
    lastModified: booking.updatedAt,
  };
  return new FeedEvent(data, calendar, '');
}

/**
 * A public holiday: all day, free, the same text at every privacy level (it names nobody). Its UID
 * is the place's and the date's, so it stays the same in every feed and on every fetch.
 */
function publicHolidayEvent(context: FeedContext, holiday: PublicHolidayRow): ICalEvent {
  const { info, calendar } = context;
  const place = holiday.region ? `${holiday.country}-${holiday.region}` : holiday.country;
  const data: ICalEventData = {
    id: `holiday-${place}-${holiday.date}@${info.uidDomain}`,
    sequence: holiday.sequence,
    stamp: holiday.updatedAt,
    allDay: true,
    start: utcDate(holiday.date),
    end: utcDate(holiday.date, 1),
    summary: holiday.name,
    categories: [{ name: textsOf(context).publicHoliday }],
    status: ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.TRANSPARENT,
    busystatus: ICalEventBusyStatus.FREE,
    lastModified: holiday.updatedAt,
  };
  return new FeedEvent(data, calendar, '');
}

/** PRODUCT.md: a feed whose link expires within this many days carries the expiry notice. */
export const EXPIRY_NOTICE_DAYS = 14;

/** Whether a link expiring at `expiresAt` (null: never) should carry the notice at `now`. */
export function isExpiringSoon(expiresAt: Date | null, now: Date): boolean {
  if (!expiresAt) return false;
  const left = expiresAt.getTime() - now.getTime();
  return left > 0 && left <= EXPIRY_NOTICE_DAYS * 86_400_000;
}

/** The expiry date as the team reads it, 'YYYY-MM-DD'. */
function localDate(instant: Date, timeZone: string): string {
  return new ZonedDate(instant.getTime(), timeZone).internal.toISOString().slice(0, 10);
}

function expiryNoticeEvent(context: FeedContext, notice: ExpiryNotice): ICalEvent {
  const { info, calendar } = context;
  const date = localDate(notice.expiresAt, info.timeZone);
  const { renewal } = notice;
  const texts = textsOf(context);
  const [summary, description] =
    'renewUrl' in renewal
      ? [texts.renewSummary(date, renewal.renewUrl), texts.renewDescription(date, renewal.renewUrl)]
      : [texts.askSummary(date, renewal.askWhom), texts.askDescription(date, renewal.askWhom)];
  const data: ICalEventData = {
    id: `link-expiry-${notice.tokenId}@${info.uidDomain}`,
    sequence: 0,
    stamp: notice.tokenCreatedAt,
    allDay: true,
    start: utcDate(date),
    end: utcDate(date, 1),
    summary,
    description,
    url: 'renewUrl' in renewal ? renewal.renewUrl : null,
    status: ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.TRANSPARENT,
    busystatus: ICalEventBusyStatus.FREE,
    created: notice.tokenCreatedAt,
    lastModified: notice.tokenCreatedAt,
  };
  return new FeedEvent(data, calendar, '');
}

/**
 * The ical-generator event for one feed item, with privacy applied. It is not added to
 * `context.calendar` (a feed of 50,000 events must not keep them all); add it with
 * `calendar.createEvent(event)` where a whole calendar object is wanted.
 */
export function createFeedEvent(context: FeedContext, item: FeedItem): ICalEvent {
  switch (item.kind) {
    case 'absence':
      return absenceEvent(context, item.absence);
    case 'teamEvent':
      return calendarEvent(context, item.event, 'team');
    case 'appointment':
      return calendarEvent(context, item.event, 'appointment');
    case 'booking':
      return bookingEvent(context, item.booking);
    case 'publicHoliday':
      return publicHolidayEvent(context, item.holiday);
    case 'expiryNotice':
      return expiryNoticeEvent(context, item.notice);
  }
}
