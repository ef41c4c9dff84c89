import { describe, expect, it } from 'vitest';
import {
  balanceOfYear,
  computeBalance,
  daysLeftAfterRequest,
  splitByExpiry,
  type AllowanceTerms,
  type DaysByExpiry,
  type YearCounts,
} from '@/lib/allowance';

// Years far from any real today: the engine takes today as an argument.
const terms = (days: number, carryOverMax = 0, carryOverExpiresOn: string | null = null) =>
  ({ days, carryOverMax, carryOverExpiresOn }) satisfies AllowanceTerms;
const days = (byExpiry: number, afterExpiry = 0): DaysByExpiry => ({ byExpiry, afterExpiry });
const none = days(0);

describe('the balance of a year', () => {
  it('carries the previous year’s unused days, capped by the limit', () => {
    const balance = computeBalance({
      terms: terms(25, 5, '2040-03-31'),
      previousUnused: 8,
      approved: days(2, 10),
      pending: days(0, 3),
      today: '2040-02-01',
    });
    expect(balance).toEqual({
      allowance: 25,
      carriedIn: 5,
      carryOverExpiresOn: '2040-03-31',
      carryOverExpired: false,
      carriedUsable: 5,
      carriedLapsed: 0,
      carriedOpen: 3,
      booked: 12,
      pending: 3,
      daysLeft: 18,
      daysLeftAfterPending: 15,
    });
  });

  it('carries fewer days than the limit when fewer were left, and none with a limit of 0', () => {
    const input = { approved: none, pending: none, today: '2040-06-01' };
    expect(
      computeBalance({ ...input, terms: terms(25, 5, null), previousUnused: 2.5 }),
    ).toMatchObject({ carriedIn: 2.5, carriedUsable: 2.5, daysLeft: 27.5 });
    expect(computeBalance({ ...input, terms: terms(25), previousUnused: 9 })).toMatchObject({
      carriedIn: 0,
      daysLeft: 25,
    });
  });

  it('before the expiry date, counts every carried day as usable', () => {
    const balance = computeBalance({
      terms: terms(20, 5, '2040-03-31'),
      previousUnused: 5,
      approved: days(1, 4),
      pending: none,
      today: '2040-03-31',
    });
    expect(balance).toMatchObject({
      carryOverExpired: false,
      carriedUsable: 5,
      carriedLapsed: 0,
      daysLeft: 20,
    });
  });

  it('after the expiry date, keeps only the carried days taken by then; the rest lapse', () => {
    const balance = computeBalance({
      terms: terms(20, 5, '2040-03-31'),
      previousUnused: 5,
      approved: days(1.5, 4),
      pending: none,
      today: '2040-04-01',
    });
    // 1.5 days taken by 31 March used 1.5 carried days; 3.5 lapsed; 4 later days use the 20.
    expect(balance).toMatchObject({
      carryOverExpired: true,
      carriedIn: 5,
      carriedUsable: 1.5,
      carriedLapsed: 3.5,
      booked: 5.5,
      daysLeft: 16,
      daysLeftAfterPending: 16,
    });
  });

  it('uses carried days first for days taken by the expiry date, the allowance after them', () => {
    // 8 days by 31 March: the 5 carried days, then 3 of the allowance.
    const balance = computeBalance({
      terms: terms(20, 5, '2040-03-31'),
      previousUnused: 5,
      approved: days(8, 2),
      pending: none,
      today: '2040-07-01',
    });
    expect(balance).toMatchObject({ carriedUsable: 5, carriedLapsed: 0, daysLeft: 15 });
  });

  it('counts pending days before the expiry as using carried days were they approved', () => {
    const balance = computeBalance({
      terms: terms(20, 5, '2040-03-31'),
      previousUnused: 5,
      approved: none,
      pending: days(2, 1),
      today: '2040-05-01',
    });
    // Lapsed for what is approved (nothing); were the 2 March days approved, they would use 2.
    expect(balance).toMatchObject({
      carriedUsable: 0,
      carriedLapsed: 5,
      carriedOpen: 3,
      daysLeft: 20,
      daysLeftAfterPending: 19,
    });
  });

  it('never lapses carried days without an expiry date', () => {
    const balance = computeBalance({
      terms: terms(20, 5, null),
      previousUnused: 4,
      approved: days(10),
      pending: none,
      today: '2040-12-31',
    });
    expect(balance).toMatchObject({ carriedUsable: 4, carriedLapsed: 0, daysLeft: 14 });
  });

  it('has no figures to leave without an allowance, but still counts the days', () => {
    const balance = computeBalance({
      terms: null,
      previousUnused: 7,
      approved: days(3, 1),
      pending: days(0, 2),
      today: '2040-02-01',
    });
    expect(balance).toEqual({
      allowance: null,
      carriedIn: 0,
      carryOverExpiresOn: null,
      carryOverExpired: false,
      carriedUsable: 0,
      carriedLapsed: 0,
      carriedOpen: 0,
      booked: 4,
      pending: 2,
      daysLeft: null,
      daysLeftAfterPending: null,
    });
  });
});

describe('carry-over across years', () => {
  const year = (t: AllowanceTerms | null, approved = none, pending = none): YearCounts => ({
    terms: t,
    approved,
    pending,
  });

  it('carries the previous year’s days left at its end, its own carry-in included', () => {
    const balance = balanceOfYear(
      2041,
      {
        // 2039: 25 − 22 = 3 left, all carried into 2040 (limit 5).
        beforePrevious: year(terms(25), days(22)),
        // 2040: 25 + 3 carried − 26 = 2 left; its 3 carried days were used by 31 March.
        previous: year(terms(25, 5, '2040-03-31'), days(3, 23)),
        current: year(terms(25, 5, '2041-03-31')),
      },
      '2041-01-15',
    );
    expect(balance).toMatchObject({ carriedIn: 2, carriedUsable: 2, daysLeft: 27 });
  });

  it('lets nothing that lapsed in the previous year carry again', () => {
    const balance = balanceOfYear(
      2041,
      {
        beforePrevious: year(terms(25)),
        // 5 carried into 2040, none taken by 31 March: they lapse; 25 − 20 = 5 of 2040's own left.
        previous: year(terms(25, 5, '2040-03-31'), days(0, 20)),
        current: year(terms(25, 10, '2041-03-31')),
      },
      // Even when today is still before 2040's expiry date (a balance of a future year).
      '2040-02-01',
    );
    expect(balance).toMatchObject({ carriedIn: 5, daysLeft: 30 });
  });

  it('stops two years back: the year before the previous one carries nothing into it', () => {
    const counts = {
      beforePrevious: year(terms(25, 5, null)),
      previous: year(terms(25, 5, null), days(0)),
      current: year(terms(25, 5, null)),
    };
    // 2039 had 25 unused (its own carry-in from 2038 is not looked at); 2040 carries at most 5.
    expect(balanceOfYear(2041, counts, '2041-06-01')).toMatchObject({ carriedIn: 5 });
    // An overdrawn previous year carries nothing, and takes nothing from this one.
    const overdrawn = { ...counts, previous: year(terms(10, 0), days(12)) };
    expect(balanceOfYear(2041, overdrawn, '2041-06-01')).toMatchObject({
      carriedIn: 0,
      daysLeft: 25,
    });
  });

  it('carries nothing when the previous year had no allowance', () => {
    const balance = balanceOfYear(
      2041,
      { beforePrevious: year(null), previous: year(null), current: year(terms(25, 5, null)) },
      '2041-06-01',
    );
    expect(balance).toMatchObject({ carriedIn: 0, daysLeft: 25 });
  });
});

describe('whether a request fits', () => {
  const before = computeBalance({
    terms: terms(20, 5, '2040-03-31'),
    previousUnused: 5,
    approved: days(0, 18),
    pending: none,
    today: '2040-02-01',
  });

  it('lets carried days cover only the days up to their expiry', () => {
    // 7 days left now (20 + 5 − 18), but 5 of them lapse on 31 March.
    expect(before.daysLeft).toBe(7);
    expect(daysLeftAfterRequest(before, days(0, 3))).toBe(-1);
    expect(daysLeftAfterRequest(before, days(5, 2))).toBe(0);
    expect(daysLeftAfterRequest(before, days(3, 0))).toBe(2);
  });

  it('has no answer without an allowance', () => {
    const balance = computeBalance({
      terms: null,
      previousUnused: 0,
      approved: none,
      pending: none,
      today: '2040-02-01',
    });
    expect(daysLeftAfterRequest(balance, days(1))).toBeNull();
  });
});

describe('splitting days at the expiry date', () => {
  it('counts the expiry date itself as before it, and only the year’s days', () => {
    // Mon 30 Mar 2026 – Thu 2 Apr 2026, expiry Tue 31 Mar: 2 days by it, 2 after.
    const span = { startDate: '2026-03-30', endDate: '2026-04-02' };
    expect(splitByExpiry(span, 2026, '2026-03-31')).toEqual(days(2, 2));
    // Across New Year: Wed 30 Dec 2026 – Fri 8 Jan 2027 has 6 working days in 2027 (1–8 Jan).
    const newYear = { startDate: '2026-12-30', endDate: '2027-01-08' };
    expect(splitByExpiry(newYear, 2027, '2027-03-31')).toEqual(days(6, 0));
    expect(splitByExpiry(newYear, 2027, null)).toEqual(days(6, 0));
  });

  it('leaves public holidays out of both parts', () => {
    const span = { startDate: '2026-03-30', endDate: '2026-04-03' };
    expect(splitByExpiry(span, 2026, '2026-03-31', new Set(['2026-04-03']))).toEqual(days(2, 2));
  });
});
