import { holidayDatesBetween } from '@/lib/holidays';

const DAY_MS = 86_400_000;

// The places whose public holidays a demo or test team may keep: a date chosen here is a working
// day in all of them, so a request for it always holds a working day.
const PLACES = [
  { country: 'FR', region: null },
  { country: 'DE', region: 'BY' },
  { country: 'US', region: null },
  { country: 'GB', region: 'ENG' },
];

function isHolidaySomewhere(date: string): boolean {
  return PLACES.some((place) => holidayDatesBetween(place, date, date).size > 0);
}

/**
 * The first Wednesday at least `days` days from today, 'YYYY-MM-DD', that is no public holiday:
 * a working day in every zone and place, chosen from today so that tests pass whatever the date.
 */
export function wednesdayAfter(days: number): string {
  const day = new Date(Date.now() + days * DAY_MS);
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  while (isHolidaySomewhere(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() + 7);
  return day.toISOString().slice(0, 10);
}

/**
 * The Monday at least `days` ahead of a week whose working days, and those of the week after,
 * are no public holiday anywhere {@link wednesdayAfter} looks.
 */
export function holidayFreeMondayAfter(days: number): string {
  const monday = new Date(Date.now() + days * DAY_MS);
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7));
  const clear = (start: Date) =>
    Array.from({ length: 14 }, (_, offset) =>
      new Date(start.getTime() + offset * DAY_MS).toISOString().slice(0, 10),
    ).every((date) => !isHolidaySomewhere(date));
  while (!clear(monday)) monday.setUTCDate(monday.getUTCDate() + 7);
  return monday.toISOString().slice(0, 10);
}
