import ICAL from 'ical.js';
import { expect } from 'vitest';
import { readWithBothParsers, type ReadEvent } from '@/test/helpers/ics';

// A served feed read as calendar clients read it: by ical.js (Thunderbird's parser) and
// node-ical, which must agree on every event; the tests then assert on ical.js's reading.

export type ParsedEvent = ReadEvent;

export interface ParsedFeed {
  text: string;
  events: ParsedEvent[];
  property: (name: string) => string | null;
  /** TZIDs of the calendar's VTIMEZONE components. */
  timeZones: string[];
}

export function parseFeed(text: string): ParsedFeed {
  const [icalJs, nodeIcal] = readWithBothParsers(text).map(([, calendar]) => calendar);
  const essentials = (events: ReadEvent[]) =>
    events
      .map((e) => ({ uid: e.uid, summary: e.summary, start: e.start.getTime() }))
      .sort((a, b) => a.uid.localeCompare(b.uid));
  expect(essentials(nodeIcal!.events)).toEqual(essentials(icalJs!.events));
  return {
    text,
    events: icalJs!.events,
    property: (name) => icalJs!.properties[name.toUpperCase()] ?? null,
    timeZones: new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vtimezone')
      .map((zone) => String(zone.getFirstPropertyValue('tzid'))),
  };
}
