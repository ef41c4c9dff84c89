import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { absences, feedTokens } from '@/db/schema';
import type { Actor } from '@/lib/dal/actor';
import { createPersonalSubscription } from '@/lib/dal/feed-tokens';
import { updateProfile } from '@/lib/dal/profile';
import { createPublicLink } from '@/lib/dal/shares';
import { respondWithFeed } from '@/lib/feed-server';
import { formatDate } from '@/lib/i18n/format';
import { feedOptionsSchema, publicLinkSchema } from '@/lib/validation';
import { setupTestDatabase } from '@/test/helpers/database';
import { wednesdayAfter } from '@/test/helpers/dates';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';
import { parseFeed, type ParsedFeed } from '@/test/helpers/feeds';

// A feed's own words ("Away", "(pending)", half days, public holidays, the expiry reminder) are
// written in the language of the link's owner, else in the one the calendar client asks for; read
// back with ical.js and node-ical. Changing one's language changes the ETag of one's own links
// and of no one else's.

const db = setupTestDatabase();

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The feed as a calendar client gets it: status, ETag and, for a 200, the calendar read back. */
async function fetchFeed(token: string, ifNoneMatch?: string, acceptLanguage?: string) {
  const headers = new Headers({
    ...(ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {}),
    ...(acceptLanguage ? { 'Accept-Language': acceptLanguage } : {}),
  });
  const response = await respondWithFeed(
    new Request(`https://teamcal.example.com/api/ics/${token}.ics`, { headers }),
    token,
    'GET',
  );
  const etag = response.headers.get('etag')!;
  expect(etag).toMatch(/^".+"$/);
  const vary = response.headers.get('vary');
  if (response.status === 304) return { status: 304, etag, vary, feed: null };
  expect(response.status).toBe(200);
  return { status: 200, etag, vary, feed: parseFeed(await response.text()) };
}

const summaries = (feed: ParsedFeed | null) => feed!.events.map((event) => event.summary).sort();

/** A Lyon team with French holidays; a French-speaking manager and an English-speaking member. */
async function lyonTeam() {
  const team = await createTeam(db(), {
    name: 'Lyon',
    timeZone: 'Europe/Paris',
    holidayCountry: 'FR',
  });
  const manager = await createUser(db(), {
    name: 'Mona Martin',
    locale: 'fr',
    timeZone: 'Europe/Paris',
  });
  const member = await createUser(db(), { name: 'Max Miller', timeZone: 'Europe/Paris' });
  await addMember(db(), team.id, manager.id, 'manager');
  await addMember(db(), team.id, member.id);
  const vacation = await createAbsenceType(db(), { label: 'Vacation' });
  const monday = plusDays(wednesdayAfter(20), -2);
  await db()
    .insert(absences)
    .values([
      // Monday afternoon to Wednesday: a half day on its first day.
      {
        userId: member.id,
        typeId: vacation.id,
        startDate: monday,
        endDate: plusDays(monday, 2),
        halfDayStart: true,
        status: 'approved',
      },
      {
        userId: manager.id,
        typeId: vacation.id,
        startDate: plusDays(monday, 14),
        endDate: plusDays(monday, 14),
        status: 'pending',
      },
    ]);
  const ref = { kind: 'team', slug: team.slug } as const;
  const options = (privacy: string) =>
    feedOptionsSchema.parse({
      privacy,
      includePending: 'on',
      includeHolidays: 'on',
      absenceTypeIds: [vacation.id],
    });
  const screenOptions = () =>
    publicLinkSchema.parse({
      label: 'Écran',
      privacy: 'busy',
      includePending: 'on',
      includeHolidays: 'on',
      absenceTypeIds: [vacation.id],
      expiresInDays: 30,
    });
  return { team, manager, member, ref, options, screenOptions, monday };
}

const chooseLanguage = (person: Actor, language: 'auto' | 'en' | 'fr') =>
  updateProfile(person, { timeZone: person.timeZone, language });

describe('feeds in the language of their owner', () => {
  it('a French owner’s links say “Absent”, “(en attente)”, name holidays in French and remind in French', async () => {
    const org = await lyonTeam();
    const { token: own, subscription } = await createPersonalSubscription(
      org.manager,
      org.ref,
      org.options('standard'),
    );
    // The reminder shows in the last two weeks of a link.
    await db()
      .update(feedTokens)
      .set({ expiresAt: sql`now() + interval '5 days'` })
      .where(eq(feedTokens.id, subscription.id));
    const screen = await createPublicLink(org.manager, org.ref, org.screenOptions());
    const { token: english } = await createPersonalSubscription(
      org.member,
      org.ref,
      org.options('busy'),
    );

    const standard = (await fetchFeed(own)).feed!;
    const pending = standard.events.find((event) => event.summary.includes('Mona Martin'));
    expect(pending!.summary).toBe('Mona Martin — Vacation (en attente)');
    const half = standard.events.find((event) => event.summary === 'Max Miller — Vacation');
    expect(half!.description).toBe(
      `Seulement l’après-midi le ${formatDate(org.monday, 'fr-FR')} (premier jour).`,
    );
    const christmas = standard.events.find((event) => event.uid.startsWith('holiday-FR-'));
    expect(christmas).toBeDefined();
    const noel = standard.events.filter((event) => event.summary === 'Noël');
    expect(noel.length).toBeGreaterThan(0);
    expect(noel[0]!.categories).toEqual(['Jour férié']);
    expect(summaries(standard)).not.toContain('Christmas Day');
    const reminder = standard.events.find((event) => event.uid.startsWith('link-expiry-'));
    expect(reminder!.summary).toMatch(
      /^Le lien TeamCal expire le \d{1,2} \S+ \d{4} — renouvelez-le sur https?:\/\/\S+\/teams\//u,
    );
    expect(reminder!.description).toContain('Ce lien d’agenda cessera de fonctionner le');

    // Names hidden (busy): what hides an absence is French too.
    const busy = (await fetchFeed(screen.token)).feed!;
    expect(summaries(busy)).toContain('Absent');
    expect(summaries(busy)).toContain('Absent (en attente)');
    expect(summaries(busy)).not.toContain('Away');

    // The member made no choice: English, as feeds always were.
    const theirs = (await fetchFeed(english)).feed!;
    expect(summaries(theirs)).toContain('Away');
    expect(summaries(theirs)).toContain('Away (pending)');
    expect(summaries(theirs)).toContain('Christmas Day');
    expect(summaries(theirs)).not.toContain('Absent');
  });

  it('changing one’s language changes the ETag of one’s own links, and only theirs', async () => {
    const org = await lyonTeam();
    const { token: managers } = await createPersonalSubscription(
      org.manager,
      org.ref,
      org.options('busy'),
    );
    const screen = await createPublicLink(org.manager, org.ref, org.screenOptions());
    const { token: members } = await createPersonalSubscription(
      org.member,
      org.ref,
      org.options('busy'),
    );
    const etags = async () =>
      Promise.all([managers, screen.token, members].map(async (t) => (await fetchFeed(t)).etag));
    const [frenchOwn, frenchScreen, englishOwn] = await etags();
    // Same calendar, same settings, other owners: the French links are not the English one.
    expect(frenchOwn).not.toBe(englishOwn);

    // The manager switches to English: both their links change, the member's does not.
    await chooseLanguage(org.manager, 'en');
    const [englishManagers, englishScreen, membersAfter] = await etags();
    expect(englishManagers).not.toBe(frenchOwn);
    expect(englishScreen).not.toBe(frenchScreen);
    expect(membersAfter).toBe(englishOwn);
    // A client holding the French copy gets the English one; one holding that, a 304.
    const refreshed = await fetchFeed(managers, frenchOwn);
    expect(refreshed.status).toBe(200);
    expect(summaries(refreshed.feed)).toContain('Away');
    expect(summaries(refreshed.feed)).not.toContain('Absent');
    expect((await fetchFeed(managers, englishManagers)).status).toBe(304);

    // Following the browser instead of choosing English: the same English bytes, the same ETag.
    await chooseLanguage(org.manager, 'auto');
    expect(await etags()).toEqual([englishManagers, englishScreen, englishOwn]);

    // The member switches to French: their link changes, the manager's stay.
    await chooseLanguage(org.member, 'fr');
    const [managersLater, screenLater, frenchMembers] = await etags();
    expect(frenchMembers).not.toBe(englishOwn);
    expect([managersLater, screenLater]).toEqual([englishManagers, englishScreen]);
    const now = await fetchFeed(members, englishOwn);
    expect(now.status).toBe(200);
    expect(summaries(now.feed)).toContain('Absent');
    expect(summaries(now.feed)).toContain('Noël');
  });

  it('an owner who chose no language: the words follow the calendar client’s language', async () => {
    const org = await lyonTeam();
    const { token } = await createPersonalSubscription(org.member, org.ref, org.options('busy'));
    const english = await fetchFeed(token);
    const french = await fetchFeed(token, undefined, 'fr-FR,fr;q=0.9,en;q=0.5');
    expect(summaries(english.feed)).toContain('Away');
    expect(summaries(french.feed)).toContain('Absent (en attente)');
    expect(summaries(french.feed)).toContain('Noël');
    expect(summaries(french.feed)).not.toContain('Away');
    // One ETag per language, and a shared cache told to keep them apart.
    expect(french.etag).not.toBe(english.etag);
    expect(french.vary).toBe('Accept-Language');
    expect((await fetchFeed(token, french.etag, 'fr-CA')).status).toBe(304);
    expect((await fetchFeed(token, french.etag, 'en-US')).status).toBe(200);
    // A client asking for a language TeamCal does not speak reads English: the same bytes.
    expect((await fetchFeed(token, english.etag, 'de-DE')).status).toBe(304);

    // The owner's choice wins over the client's.
    await chooseLanguage(org.member, 'en');
    const chosen = await fetchFeed(token, undefined, 'fr-FR');
    expect(summaries(chosen.feed)).toContain('Away');
    expect(chosen.vary).toBeNull();
  });
});
