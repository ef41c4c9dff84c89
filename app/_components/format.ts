// Dates as people read them. Calendar dates are 'YYYY-MM-DD' and formatted at UTC midnight so no
// time zone can move them to the previous day.

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthName = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export const formatDate = (date: string) => longDate.format(new Date(`${date}T00:00:00Z`));

/** '3 Mar 2025', or '3 Mar 2025 – 7 Mar 2025' for a span. */
export function formatSpan(span: { startDate: string; endDate: string }): string {
  return span.startDate === span.endDate
    ? formatDate(span.startDate)
    : `${formatDate(span.startDate)} – ${formatDate(span.endDate)}`;
}

/** 'March 2025' for '2025-03'. */
export const formatMonth = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));

/** Which half of a day an absence leaves off, for a span with half days, or ''. */
export function halfDayNote(span: {
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
}): string {
  if (span.startDate === span.endDate) {
    if (span.halfDayStart) return 'afternoon';
    if (span.halfDayEnd) return 'morning';
    return '';
  }
  const notes = [
    span.halfDayStart ? 'first day afternoon only' : '',
    span.halfDayEnd ? 'last day morning only' : '',
  ];
  return notes.filter(Boolean).join(', ');
}

/** Whole numbers as they are, halves as '2.5'. */
export const formatDays = (days: number) => String(Math.round(days * 2) / 2);
