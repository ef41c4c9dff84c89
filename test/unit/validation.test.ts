import { describe, expect, it } from 'vitest';
import {
  callbackPathSchema,
  signInSchema,
  teamSlugSchema,
  statisticsPeriodSchema,
} from '@/lib/validation';

describe('sign-in input', () => {
  it('normalises the email address', () => {
    expect(signInSchema.parse({ email: '  Camille@Example.COM ', password: 'x' }).email).toBe(
      'camille@example.com',
    );
  });

  it('explains what is wrong with each field', () => {
    const result = signInSchema.safeParse({ email: 'not-an-email', password: '' });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path[0], i.message]);
    expect(issues).toEqual([
      ['email', 'Enter a valid email address, like name@example.com.'],
      ['password', 'Enter your password.'],
    ]);
  });

  it('refuses absurdly long input', () => {
    expect(
      signInSchema.safeParse({ email: `${'a'.repeat(250)}@example.com`, password: 'x' }).success,
    ).toBe(false);
    expect(
      signInSchema.safeParse({ email: 'a@example.com', password: 'x'.repeat(201) }).success,
    ).toBe(false);
  });
});

describe('the page to return to after sign-in', () => {
  it.each([
    ['/teams/engineering', '/teams/engineering'],
    ['/admin?tab=users', '/admin?tab=users'],
    ['https://evil.example/phish', '/teams'],
    ['//evil.example/phish', '/teams'],
    ['/\\evil.example', '/teams'],
    ['javascript:alert(1)', '/teams'],
  ])('%s becomes %s', (input, expected) => {
    expect(callbackPathSchema.parse(input)).toBe(expected);
  });
});

describe('team slugs', () => {
  it('accepts lower-case words joined by hyphens only', () => {
    expect(teamSlugSchema.safeParse('customer-support').success).toBe(true);
    for (const bad of ['Customer', '../admin', 'a--b', '-a', '', 'x'.repeat(101)]) {
      expect(teamSlugSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('the team page period', () => {
  const period = statisticsPeriodSchema('2026-11-23');

  it('defaults to this year and this month, with a month of coverage', () => {
    expect(period.parse({})).toEqual({ year: 2026, month: '2026-11', coverage: 'month' });
  });

  it('shows January of another year when only the year is chosen', () => {
    expect(period.parse({ year: '2025' })).toEqual({
      year: 2025,
      month: '2025-01',
      coverage: 'month',
    });
  });

  it('takes the year from a chosen month', () => {
    expect(period.parse({ month: '2027-02', coverage: 'year' })).toEqual({
      year: 2027,
      month: '2027-02',
      coverage: 'year',
    });
  });

  it('ignores malformed values instead of failing the page', () => {
    expect(period.parse({ year: 'next', month: '2026-13', coverage: ['year', 'x'] })).toEqual({
      year: 2026,
      month: '2026-11',
      coverage: 'month',
    });
    expect(period.parse({ year: '1066' }).year).toBe(2026);
  });
});
