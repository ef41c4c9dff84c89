import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { expect } from 'vitest';

// Reads a feed the way calendar clients do: with ical.js (Thunderbird's parser) and node-ical.
// Both must agree on the events, or the feed is not what we think.

export interface ParsedEvent {
  uid: string;
  summary: string;
  start: ICAL.Time;
  end: ICAL.Time;
  status: string | null;
  sequence: number;
  location: string | null;
  description: string | null;
  categories: string[];
}

export interface ParsedFeed {
  calendar: ICAL.Component;
  events: ParsedEvent[];
  property: (name: string) => string | null;
}

export function parseFeed(text: string): ParsedFeed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    const text = (name: string) => {
      const value = component.getFirstPropertyValue(name);
      return value === null ? null : String(value);
    };
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate,
      end: event.endDate,
      status: text('status'),
      sequence: event.sequence,
      location: event.location ?? null,
      description: event.description ?? null,
      categories: component
        .getAllProperties('categories')
        .flatMap((p) => p.getValues().map(String)),
    };
  });

  const fromNodeIcal = Object.values(nodeIcal.sync.parseICS(text)).filter(
    (entry) => entry?.type === 'VEVENT',
  ) as nodeIcal.VEvent[];
  expect(fromNodeIcal.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());

  return {
    calendar,
    events,
    property: (name) => {
      const value = calendar.getFirstPropertyValue(name);
      return value === null ? null : String(value);
    },
  };
}
