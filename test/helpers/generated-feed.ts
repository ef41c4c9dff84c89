import type { FeedItem } from '@/lib/ics';

/** The `index`-th item of a made-up feed: one in ten a team event (some timed, in Paris or New
 * York), the rest absences (some private, pending, half days). Deterministic, for the bench and tests. */
export function item(index: number): FeedItem {
  const day = new Date(Date.UTC(2020, 0, 1) + (index % 3650) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const stamp = new Date(Date.UTC(2024, 0, 1) + index * 1000);
  if (index % 10 === 9) {
    return {
      kind: 'teamEvent',
      event: {
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        title: `Client visit ${index}`,
        description: 'Quarterly review; bring the slides, the demo laptop and the contract drafts.',
        location: '1 Rue de Rivoli, 75001 Paris, France',
        allDay: index % 20 === 9,
        startDate: date,
        endDate: date,
        startsAt: new Date(day.getTime() + 9 * 3_600_000),
        endsAt: new Date(day.getTime() + 11 * 3_600_000),
        timeZone: index % 40 === 19 ? 'America/New_York' : 'Europe/Paris',
        status: 'confirmed',
        sequence: 1,
        createdAt: stamp,
        updatedAt: stamp,
      },
    };
  }
  return {
    kind: 'absence',
    absence: {
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      personId: `person-${index % 40}`,
      personName: `Person Number ${index % 40} Ångström`,
      typeKey: index % 7 === 0 ? 'sick' : 'vacation',
      typeLabel: index % 7 === 0 ? 'Sick leave' : 'Vacation',
      typeColor: index % 7 === 0 ? '#ef4444' : '#22c55e',
      typePrivate: index % 7 === 0,
      startDate: date,
      endDate:
        index % 3 === 0
          ? date
          : new Date(day.getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
      halfDayStart: index % 5 === 0,
      halfDayEnd: false,
      status: index % 11 === 0 ? 'pending' : 'approved',
      note: 'Back on Monday',
      sequence: index % 4,
      createdAt: stamp,
      updatedAt: stamp,
    },
  };
}
