import { workingDaysWithin, type DaySpan } from '@/lib/workdays';

// The one balance engine: a person's allowance for a year, the days carried over from the year
// before, and what is booked against them. Pure arithmetic on day counts — no database, no clock:
// the data-access layer (lib/dal/balances.ts) gathers the counts, and every page that shows a
// balance asks it, so they all agree.
//
// Carry-over follows urlaubsverwaltung's "remaining vacation days expire on 31 March": at most
// `carryOverMax` unused days of the previous year carry into this one; days taken on or before
// `carryOverExpiresOn` use the carried days first; those still unused after that date lapse.

/** A year's allowance row. */
export interface AllowanceTerms {
  days: number;
  /** At most this many unused days of the previous year carry into this one. */
  carryOverMax: number;
  /** Carried days not taken by this date (inclusive, in the same year) lapse; null: never. */
  carryOverExpiresOn: string | null;
}

/** Working days counting against the allowance, on or before the expiry date and after it. */
export interface DaysByExpiry {
  byExpiry: number;
  afterExpiry: number;
}

export interface BalanceInput {
  terms: AllowanceTerms | null;
  /** The previous year's days left at its end (see {@link balanceOfYear}); never negative. */
  previousUnused: number;
  /** Approved days in the year. */
  approved: DaysByExpiry;
  /** Days awaiting a decision in the year. */
  pending: DaysByExpiry;
  /** 'YYYY-MM-DD': after the expiry date, the carried days not used by then have lapsed. */
  today: string;
}

export interface Balance {
  /** The year's own days; null without an allowance row, and then every "left" figure is null. */
  allowance: number | null;
  /** Days carried over from the previous year, capped by the limit. */
  carriedIn: number;
  carryOverExpiresOn: string | null;
  /** Whether today is past the expiry date. */
  carryOverExpired: boolean;
  /** Before the expiry date all carried days; after it only those taken by then. */
  carriedUsable: number;
  /** Carried days that were not taken by the expiry date, once it has passed. */
  carriedLapsed: number;
  /**
   * Carried days that no approved or pending day up to the expiry date uses: only more days up
   * to that date can use them, never days after it.
   */
  carriedOpen: number;
  /** Approved days of the year, future ones included. */
  booked: number;
  /** Days awaiting a decision. */
  pending: number;
  /** allowance + carriedUsable − booked. */
  daysLeft: number | null;
  /** Days left were every pending request approved. */
  daysLeftAfterPending: number | null;
}

const total = (days: DaysByExpiry) => days.byExpiry + days.afterExpiry;

/** The carried days that days taken by the expiry date use: the carried days go first. */
const carriedUsedBy = (carriedIn: number, days: DaysByExpiry) => Math.min(carriedIn, days.byExpiry);

export function computeBalance(input: BalanceInput): Balance {
  const { terms, approved, pending, today } = input;
  const booked = total(approved);
  const pendingDays = total(pending);
  if (!terms)
    return {
      allowance: null,
      carriedIn: 0,
      carryOverExpiresOn: null,
      carryOverExpired: false,
      carriedUsable: 0,
      carriedLapsed: 0,
      carriedOpen: 0,
      booked,
      pending: pendingDays,
      daysLeft: null,
      daysLeftAfterPending: null,
    };
  const carriedIn = Math.min(terms.carryOverMax, Math.max(0, input.previousUnused));
  const expired = terms.carryOverExpiresOn !== null && today > terms.carryOverExpiresOn;
  const usableWith = (days: DaysByExpiry) => (expired ? carriedUsedBy(carriedIn, days) : carriedIn);
  const withPending = {
    byExpiry: approved.byExpiry + pending.byExpiry,
    afterExpiry: approved.afterExpiry + pending.afterExpiry,
  };
  const carriedUsable = usableWith(approved);
  return {
    allowance: terms.days,
    carriedIn,
    carryOverExpiresOn: terms.carryOverExpiresOn,
    carryOverExpired: expired,
    carriedUsable,
    carriedLapsed: carriedIn - carriedUsable,
    carriedOpen: carriedIn - carriedUsedBy(carriedIn, withPending),
    booked,
    pending: pendingDays,
    daysLeft: terms.days + carriedUsable - booked,
    daysLeftAfterPending: terms.days + usableWith(withPending) - booked - pendingDays,
  };
}

/** One year's allowance row and the days counted against it. */
export interface YearCounts {
  terms: AllowanceTerms | null;
  approved: DaysByExpiry;
  pending: DaysByExpiry;
}

/**
 * The balance of a year from its counts and those of the two years before. What carries in is
 * the previous year's days left at its end — its own carry-in included, its lapsed carried days
 * not, and approved days only (a request never decided is not a day taken). The recursion stops
 * there: the year before the previous one carries nothing into it from further back, so a
 * balance costs three years of rows and a day taken long ago cannot move today's figures.
 * An overdrawn year carries nothing: it does not eat into the next year's allowance.
 */
export function balanceOfYear(
  year: number,
  counts: { current: YearCounts; previous: YearCounts; beforePrevious: YearCounts },
  today: string,
): Balance {
  // Seen from the first day of the next year, every expiry date of a year has passed.
  const unusedAtEnd = (of: YearCounts, previousUnused: number, nextYear: number) =>
    Math.max(
      0,
      computeBalance({ ...of, previousUnused, today: `${nextYear}-01-01` }).daysLeft ?? 0,
    );
  const beforePreviousUnused = unusedAtEnd(counts.beforePrevious, 0, year - 1);
  const previousUnused = unusedAtEnd(counts.previous, beforePreviousUnused, year);
  return computeBalance({ ...counts.current, previousUnused, today });
}

/**
 * The days left at the year's end were `request` approved on top of every approved and pending
 * day: the carried days cover the request only up to their expiry. Negative when it does not fit;
 * null without an allowance.
 */
export function daysLeftAfterRequest(balance: Balance, request: DaysByExpiry): number | null {
  if (balance.allowance === null) return null;
  const carriedUsed =
    balance.carriedIn - balance.carriedOpen + Math.min(balance.carriedOpen, request.byExpiry);
  return balance.allowance + carriedUsed - balance.booked - balance.pending - total(request);
}

/**
 * The working days of a span in `year`, split at the year's carry-over expiry date (inclusive);
 * without one, all of them count as before it, since carried days never lapse.
 */
export function splitByExpiry(
  span: DaySpan,
  year: number,
  expiresOn: string | null,
  holidays?: ReadonlySet<string>,
): DaysByExpiry {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  if (expiresOn === null)
    return { byExpiry: workingDaysWithin(span, from, to, holidays), afterExpiry: 0 };
  return {
    byExpiry: workingDaysWithin(span, from, expiresOn, holidays),
    afterExpiry: workingDaysWithin(span, nextDay(expiresOn), to, holidays),
  };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
