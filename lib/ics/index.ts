// Building and streaming ICS feeds (RFC 5545, with RFC 7986 properties). No Next.js, no database:
// the feed's route reads rows and hands them over in batches.

export {
  calendarFrame,
  createFeedCalendar,
  createFeedContext,
  type CalendarFrame,
} from './calendar';
export {
  AFTERNOON,
  createFeedEvent,
  EXPIRY_NOTICE_DAYS,
  isExpiringSoon,
  MORNING,
  type FeedContext,
} from './events';
export { foldLines } from './fold';
export { renderCalendar, renderFeedItems, streamCalendar, type FeedSource } from './stream';
export { generateVtimezone, isKnownTimeZone } from './timezones';
export type {
  AbsenceRow,
  BookingRow,
  CalendarInfo,
  ExpiryNotice,
  FeedItem,
  PublicHolidayRow,
  TeamEventRow,
} from './types';
