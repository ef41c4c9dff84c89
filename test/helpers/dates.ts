const DAY_MS = 86_400_000;

/**
 * The first Wednesday at least `days` days from today, 'YYYY-MM-DD': a working day in every
 * zone, chosen from today so that tests pass whatever the date.
 */
export function wednesdayAfter(days: number): string {
  const day = new Date(Date.now() + days * DAY_MS);
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  return day.toISOString().slice(0, 10);
}
