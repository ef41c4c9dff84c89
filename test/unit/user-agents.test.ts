import { describe, expect, it } from 'vitest';
import { describeCalendarClient } from '@/lib/user-agents';

describe('calendar client names', () => {
  it('recognise the usual calendar clients', () => {
    expect(describeCalendarClient('Google-Calendar-Importer')).toBe('Google Calendar');
    expect(
      describeCalendarClient(
        'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
      ),
    ).toBe('Outlook');
    expect(
      describeCalendarClient(
        'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.3.0',
      ),
    ).toBe('Thunderbird');
    expect(describeCalendarClient('macOS/14.5 (23F79) CalendarAgent/988')).toBe('Apple Calendar');
    expect(describeCalendarClient('iOS/17.5.1 (21F90) dataaccessd/1.0')).toBe('Apple Calendar');
  });

  it('show the start of an unknown client and nothing when there is none', () => {
    expect(describeCalendarClient('SomeMileageApp/2.1 (+https://example.com)')).toBe(
      'SomeMileageApp/2.1 (+https://example.com)',
    );
    expect(describeCalendarClient(null)).toBeNull();
  });
});
