import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDatabase, PGLITE_OPTIONS } from '@/db';
import * as schema from '@/db/schema';
import { openFeed, type FeedAccess } from '@/lib/dal/feed-access';
import type { FeedAbsenceRow, FeedEventRow } from '@/lib/dal/feed-rows';
import { feedCalendarStream, feedWindow } from '@/lib/feed-calendar';
import { FEED_BUILD_IDENTITY } from '@/lib/feed-build';
import { linkWindow } from '@/lib/feed-window';
import { expiryWarningDate, feedValidators } from '@/lib/feed-http';
import { feedVersionOf } from '@/lib/feed-server';
import { configuredPublicUrl } from '@/lib/public-url';
import { generateFeedToken } from '@/lib/feed-tokens';
import { renderCalendar, type CalendarInfo, type FeedItem } from '@/lib/ics';
import { hashPassword } from '@/lib/passwords';
import { parseFeed } from '@/test/helpers/feeds';

// An upgrade as a running installation meets it: the migrations it already had, its data, then
// the new migration.

/** One build on both sides: the migration alone must not change a feed. */
const BUILD = { identity: FEED_BUILD_IDENTITY, builtAt: new Date('2026-01-01T00:00:00Z') };
const MIGRATIONS = path.resolve(import.meta.dirname, '../../db/migrations');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-migrations-'));
  folders.push(folder);
  fs.mkdirSync(path.join(folder, 'meta'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries as Array<{ tag: string }>)
    fs.copyFileSync(
      path.join(MIGRATIONS, `${entry.tag}.sql`),
      path.join(folder, `${entry.tag}.sql`),
    );
  return folder;
}

describe('upgrading to one active guest share per address (0004)', () => {
  it('keeps the newest of duplicate active shares and revokes the older ones', async () => {
    const client = new PGlite(PGLITE_OPTIONS);
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder: migrationsUpTo(4) });
    const { rows } = await client.query<{ team: string; manager: string }>(`
      with team as (insert into teams (name, slug) values ('Sales', 'sales') returning id),
           manager as (insert into users (email, name) values ('m@example.com', 'M') returning id)
      select team.id as team, manager.id as manager from team, manager`);
    const { team, manager } = rows[0]!;
    const share = (email: string, createdAt: string, revoked = false) =>
      client.query<{ id: string }>(
        `insert into guest_shares (team_id, email, label, created_by_id, created_at, revoked_at)
         values ($1, $2, 'Partner', $3, $4, $5) returning id`,
        [team, email, manager, createdAt, revoked ? createdAt : null],
      );
    const older = (await share('guest@partner.example', '2026-01-01')).rows[0]!.id;
    const newer = (await share('guest@partner.example', '2026-02-01')).rows[0]!.id;
    const alreadyRevoked = (await share('guest@partner.example', '2025-12-01', true)).rows[0]!.id;
    const other = (await share('other@partner.example', '2026-01-15')).rows[0]!.id;

    await migrate(db, { migrationsFolder: migrationsUpTo(5) });
    const after = await client.query<{ id: string; active: boolean }>(
      'select id, revoked_at is null as active from guest_shares',
    );
    const active = Object.fromEntries(after.rows.map((row) => [row.id, row.active]));
    expect(active).toEqual({
      [older]: false,
      [newer]: true,
      [alreadyRevoked]: false,
      [other]: true,
    });
    await expect(share('guest@partner.example', '2026-03-01')).rejects.toThrow(/unique/);
    await client.close();
  });
});

describe('upgrading to one sharing model (0005)', () => {
  // One fixed instant for the feed window and the expiry reminder, so that the data below lies
  // inside the window whatever day the suite runs on.
  const now = new Date('2026-06-15T09:00:00Z');
  const window = feedWindow(now);
  const request = { ip: '203.0.113.7', userAgent: 'test' };
  const guestEmail = 'guest@partner.example';
  const guestPassword = 'correct horse battery staple';
  const basic = (email: string, password: string) =>
    `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
  // What lib/feed-calendar.ts writes for every feed: the "before" side must render with the very
  // same calendar description, or a difference would be the test's, not the upgrade's.
  const FEED_CALENDAR = {
    uidDomain: 'teamcal',
    productId: '//TeamCal//Team calendar//EN',
    refreshIntervalSeconds: 3_600,
  };
  // The columns a link keeps through the upgrade (everything but team_id → calendar_id).
  const TOKEN_COLUMNS = `id, kind, token_hash, display_prefix, owner_id, guest_share_id, privacy,
    include_pending, absence_type_ids, include_team_events, label, created_at, expires_at,
    revoked_at, last_used_at, use_count`;
  const SHARE_COLUMNS = `id, email, label, created_by_id, password_hash, setup_completed_at,
    revoked_at, created_at`;
  const EVENT_COLUMNS = `id, title, description, location, all_day, start_date::text,
    end_date::text, starts_at, ends_at, time_zone, status, sequence, created_by_id, created_at,
    updated_at`;

  interface IssuedLink {
    name: string;
    token: string;
    id: string;
    authorization: string | null;
  }
  interface OldFeed {
    body: string;
    etag: string;
    lastModified: Date | null;
    events: number;
  }
  interface Snapshot {
    tokens: Record<string, unknown>[];
    shares: Record<string, unknown>[];
    events: Record<string, unknown>[];
    audit: Record<string, unknown>[];
  }

  let client: PGlite;
  const issued: IssuedLink[] = [];
  const links: Array<IssuedLink & { before: OldFeed }> = [];
  // Filled in by beforeAll.
  const ids = {
    team: '',
    otherTeam: '',
    manager: '',
    ada: '',
    bob: '',
    olga: '',
    vacation: '',
    sick: '',
    training: '',
    share: '',
  };
  let revokedToken = '';
  let oldCalendar: { version: number; updatedAt: Date };
  let before: Snapshot;
  // Team events keep their rows and ids under a new table name.
  let eventsTable = 'team_events';

  const query = async <Row = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await client.query<Row>(text, params)).rows;
  const snapshot = async (): Promise<Snapshot> => ({
    tokens: await query(`select ${TOKEN_COLUMNS} from feed_tokens order by id`),
    shares: await query(`select ${SHARE_COLUMNS} from guest_shares order by id`),
    events: await query(`select ${EVENT_COLUMNS} from ${eventsTable} order by id`),
    audit: await query('select * from audit_events order by id'),
  });

  /** Inserts one row with raw SQL, as the old schema had it, and returns its id. */
  async function insert(table: string, row: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(row);
    const [inserted] = await query<{ id: string }>(
      `insert into ${table} (${columns.join(', ')})
       values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id::text`,
      Object.values(row),
    );
    return inserted!.id;
  }

  /** A link as the old code stored it: a fresh token whose hash only the database keeps. */
  async function link(
    name: string,
    row: Record<string, unknown>,
    authorization: string | null = null,
  ): Promise<string> {
    const { token, tokenHash, displayPrefix } = generateFeedToken();
    const id = await insert('feed_tokens', {
      token_hash: tokenHash,
      display_prefix: displayPrefix,
      ...row,
    });
    issued.push({ name, token, id, authorization });
    return id;
  }

  /**
   * The link's feed as the pre-0005 code wrote it, from the old tables: the old access rules
   * (lib/dal/feed-access.ts before the calendars), the old row readers (absences of the team's
   * members, then its team events, each by start date and id) and lib/feed-calendar.ts's items.
   */
  async function oldFeed(link: IssuedLink): Promise<OldFeed> {
    const [token] = await query<{
      kind: 'personal' | 'public' | 'guest';
      ownerId: string;
      ownerRole: string;
      membership: string | null;
      privacy: 'full' | 'standard' | 'busy';
      includePending: boolean;
      absenceTypeIds: string[] | null;
      includeTeamEvents: boolean;
      createdAt: Date;
      expiresAt: Date | null;
      teamName: string;
      timeZone: string;
      calendarVersion: number | bigint;
      calendarUpdatedAt: Date;
      ownerName: string;
      ownerEmail: string;
    }>(
      `select ft.kind, ft.owner_id as "ownerId", owner.role as "ownerRole",
              owner.name as "ownerName", owner.email as "ownerEmail",
              m.role as membership, ft.privacy, ft.include_pending as "includePending",
              ft.absence_type_ids as "absenceTypeIds",
              ft.include_team_events as "includeTeamEvents", ft.created_at as "createdAt",
              ft.expires_at as "expiresAt", t.name as "teamName", t.time_zone as "timeZone",
              t.calendar_version as "calendarVersion",
              t.calendar_updated_at as "calendarUpdatedAt"
       from feed_tokens ft
       join teams t on t.id = ft.team_id
       join users owner on owner.id = ft.owner_id
       left join memberships m on m.team_id = ft.team_id and m.user_id = ft.owner_id
       where ft.id = $1`,
      [link.id],
    );
    const old = token!;
    const manages = old.membership === 'manager' || old.ownerRole === 'admin';
    const privateTypes = old.kind !== 'personal' ? 'none' : manages ? 'all' : 'own';
    // Same key order as FeedOptions in the old and new access: it goes into the ETag's JSON.
    const options = {
      privacy: old.privacy,
      includePending: old.includePending,
      absenceTypeIds: old.absenceTypeIds,
      includeTeamEvents: old.includeTeamEvents,
    };

    const absences = await query<Omit<FeedAbsenceRow, 'kind'>>(
      `select a.id, a.user_id as "userId", u.name as "personName", t.key as "typeKey",
              t.label as "typeLabel", t.color as "typeColor", t.is_private as "typePrivate",
              a.start_date::text as "startDate", a.end_date::text as "endDate",
              a.half_day_start as "halfDayStart", a.half_day_end as "halfDayEnd",
              a.status::text as status, a.note, a.sequence, a.created_at as "createdAt",
              a.updated_at as "updatedAt"
       from feed_tokens ft
       join absences a on a.user_id in (select user_id from memberships where team_id = ft.team_id)
       join users u on u.id = a.user_id
       join absence_types t on t.id = a.type_id
       where ft.id = $1
         and (a.status = 'approved' or (ft.include_pending and a.status = 'pending'))
         and (ft.absence_type_ids is null or a.type_id = any(ft.absence_type_ids))
         and a.start_date <= $2::date and a.end_date >= $3::date
       order by a.start_date, a.id`,
      [link.id, window.to, window.from],
    );
    const events = await query<Omit<FeedEventRow, 'kind'>>(
      `select e.id, e.title, e.description, e.location, e.all_day as "allDay",
              e.start_date::text as "startDate", e.end_date::text as "endDate",
              e.starts_at as "startsAt", e.ends_at as "endsAt", e.time_zone as "timeZone",
              e.status::text as status, e.sequence, e.created_at as "createdAt",
              e.updated_at as "updatedAt"
       from feed_tokens ft
       join team_events e on e.team_id = ft.team_id
       where ft.id = $1 and ft.include_team_events
         and e.start_date <= $2::date and e.end_date >= $3::date
       order by e.start_date, e.id`,
      [link.id, window.to, window.from],
    );
    const items: FeedItem[] = [
      ...absences.map((row): FeedItem => {
        const feedRow: FeedAbsenceRow = { ...row, kind: 'absence' };
        return { kind: 'absence', absence: { ...feedRow, personId: feedRow.userId } };
      }),
      ...events.map((row): FeedItem => {
        const feedRow: FeedEventRow = { ...row, kind: 'event' };
        return { kind: 'teamEvent', event: feedRow };
      }),
    ];
    const info: CalendarInfo = {
      name: `${old.teamName} – TeamCal`,
      timeZone: old.timeZone,
      privacy: old.privacy,
      viewer: {
        userId: privateTypes === 'none' ? null : old.ownerId,
        seesAllPrivateTypes: privateTypes === 'all',
      },
      ...FEED_CALENDAR,
      // Today's rules for UIDs, on both sides: this compares what the migration kept.
      uidScope: link.id,
    };
    const expiryWarning = expiryWarningDate(old.expiresAt, now);
    // Every link here expires far away: no reminder, so the body depends on the data alone.
    expect(expiryWarning).toBeNull();
    // The validators' inputs as the old tables give them; the same function makes them, with
    // today's rule for the link's window (lib/feed-window.ts) on both sides, as for UIDs.
    const linkWindowNow = linkWindow(link.id, now);
    const { etag, lastModified } = feedValidators(
      {
        tokenId: link.id,
        calendarVersion: Number(old.calendarVersion),
        calendarUpdatedAt: old.calendarUpdatedAt,
        tokenCreatedAt: old.createdAt,
        settings: [
          options,
          privateTypes,
          old.teamName,
          old.timeZone,
          old.kind === 'personal' ? null : [old.ownerName, old.ownerEmail],
        ],
        windowFrom: linkWindowNow.from,
        windowMovedAt: new Date(`${linkWindowNow.step}T00:00:00Z`),
        expiryWarning,
        build: BUILD,
        publicUrl: configuredPublicUrl(),
      },
      now,
    );
    return { body: renderCalendar(info, items), etag, lastModified, events: items.length };
  }

  /** The link's feed now, as lib/feed-server.ts builds it (with the pinned `now`). */
  async function newFeed(access: FeedAccess) {
    const version = feedVersionOf(access, now, BUILD, 'en');
    const { expiryWarning } = version;
    const validators = feedValidators(version, now);
    const stream = feedCalendarStream({
      calendar: access.calendar,
      uidScope: access.tokenId,
      ownerId: access.ownerId,
      options: access.options,
      privateTypes: access.privateTypes,
      expiryNotice: null,
      rows: access.source.readRows(access.calendar, { options: access.options, ...window }),
    });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return { bytes, expiryWarning, ...validators };
  }

  beforeAll(async () => {
    client = new PGlite(PGLITE_OPTIONS);
    await migrate(drizzle({ client }), { migrationsFolder: migrationsUpTo(5) });

    // Two teams, so that a link shows its own team's members and events only.
    ids.team = await insert('teams', {
      name: 'Paris office',
      slug: 'paris',
      time_zone: 'Europe/Paris',
      // Not the default: subscribers' clients hold ETags derived from this version.
      calendar_version: 7,
      calendar_updated_at: '2026-05-20T14:03:11.250Z',
      created_at: '2025-01-06T08:00:00Z',
    });
    ids.otherTeam = await insert('teams', {
      name: 'Lyon',
      slug: 'lyon',
      time_zone: 'Europe/Paris',
      calendar_version: 3,
      calendar_updated_at: '2026-04-01T12:00:00Z',
    });
    const user = (email: string, name: string, role = 'member') =>
      insert('users', { email, name, role, created_at: '2025-01-06T08:00:00Z' });
    ids.manager = await user('mia@example.com', 'Mia Manager');
    ids.ada = await user('ada@example.com', 'Ada Lovelace');
    ids.bob = await user('bob@example.com', 'Bob Brown');
    ids.olga = await user('olga@example.com', 'Olga Other');
    for (const [team, member, role] of [
      [ids.team, ids.manager, 'manager'],
      [ids.team, ids.ada, 'member'],
      [ids.team, ids.bob, 'member'],
      [ids.otherTeam, ids.olga, 'manager'],
    ])
      await query('insert into memberships (team_id, user_id, role) values ($1, $2, $3)', [
        team,
        member,
        role,
      ]);

    // No migration seeds absence types: an installation has its own.
    const type = (key: string, label: string, color: string, isPrivate = false) =>
      insert('absence_types', { key, label, color, is_private: isPrivate });
    ids.vacation = await type('vacation', 'Vacation', '#2563eb');
    ids.sick = await type('sick', 'Sick leave', '#dc2626', true);
    ids.training = await type('training', 'Training', '#16a34a');

    const absence = (
      userId: string,
      typeId: string,
      startDate: string,
      endDate: string,
      extra: Record<string, unknown> = {},
    ) =>
      insert('absences', {
        user_id: userId,
        type_id: typeId,
        start_date: startDate,
        end_date: endDate,
        status: 'approved',
        created_at: '2026-03-02T10:15:00Z',
        updated_at: '2026-03-03T16:45:30.500Z',
        ...extra,
      });
    await absence(ids.ada, ids.vacation, '2026-07-06', '2026-07-10', {
      note: 'Lisbon, then Porto; back Monday',
      sequence: 2,
    });
    await absence(ids.ada, ids.vacation, '2026-07-13', '2026-07-13', { half_day_start: true });
    await absence(ids.ada, ids.sick, '2026-05-11', '2026-05-11', { note: 'dentist' });
    await absence(ids.bob, ids.sick, '2026-04-07', '2026-04-08', { note: 'flu' });
    await absence(ids.bob, ids.vacation, '2026-08-03', '2026-08-05', { status: 'pending' });
    await absence(ids.bob, ids.training, '2026-09-14', '2026-09-15', { half_day_end: true });
    await absence(ids.manager, ids.vacation, '2025-06-10', '2025-06-20'); // straddles the window start
    await absence(ids.manager, ids.vacation, '2024-12-23', '2024-12-31'); // before the window
    await absence(ids.ada, ids.vacation, '2026-10-01', '2026-10-02', { status: 'rejected' });
    await absence(ids.olga, ids.vacation, '2026-07-06', '2026-07-07'); // another team

    const event = (teamId: string, row: Record<string, unknown>) =>
      insert('team_events', {
        team_id: teamId,
        time_zone: 'Europe/Paris',
        created_by_id: ids.manager,
        created_at: '2026-02-10T09:00:00Z',
        updated_at: '2026-02-11T09:30:00Z',
        ...row,
      });
    await event(ids.team, {
      title: 'Client visit: ACME',
      location: '12, rue de Rivoli; 75001 Paris, France',
      description: 'Parking on level -2.\nBring the demo laptop.',
      all_day: false,
      start_date: '2026-10-26',
      end_date: '2026-10-26',
      starts_at: '2026-10-26T08:30:00Z',
      ends_at: '2026-10-26T10:00:00Z',
    });
    await event(ids.team, {
      title: 'Team offsite',
      all_day: true,
      start_date: '2026-09-01',
      end_date: '2026-09-02',
      sequence: 1,
    });
    await event(ids.team, {
      title: 'Quarterly review',
      all_day: false,
      start_date: '2026-06-30',
      end_date: '2026-06-30',
      starts_at: '2026-06-30T12:00:00Z',
      ends_at: '2026-06-30T13:00:00Z',
      status: 'cancelled',
      sequence: 3,
    });
    await event(ids.otherTeam, {
      title: 'Lyon kick-off',
      all_day: true,
      start_date: '2026-07-01',
      end_date: '2026-07-01',
    });

    const farAway = '2099-01-01T00:00:00Z';
    await link('member’s subscription', {
      kind: 'personal',
      owner_id: ids.ada,
      team_id: ids.team,
      include_pending: true,
      created_at: '2026-05-01T08:00:00Z',
      expires_at: farAway,
    });
    await link('manager’s subscription', {
      kind: 'personal',
      owner_id: ids.manager,
      team_id: ids.team,
      privacy: 'full',
      include_pending: true,
      created_at: '2026-05-02T08:00:00Z',
      expires_at: farAway,
    });
    const publicLink = await link('public link', {
      kind: 'public',
      owner_id: ids.manager,
      team_id: ids.team,
      privacy: 'busy',
      absence_type_ids: [ids.vacation, ids.training],
      include_team_events: false,
      label: 'Reception screen',
      // Newer than the calendar's last change: Last-Modified comes from the link here.
      created_at: '2026-06-01T10:00:00.123Z',
    });
    const password = await hashPassword(guestPassword);
    ids.share = await insert('guest_shares', {
      team_id: ids.team,
      email: guestEmail,
      label: 'Partner agency',
      created_by_id: ids.manager,
      password_hash: password,
      setup_completed_at: '2026-05-10T09:00:00Z',
      created_at: '2026-05-10T08:00:00Z',
    });
    await link(
      'guest share',
      {
        kind: 'guest',
        owner_id: ids.manager,
        team_id: ids.team,
        guest_share_id: ids.share,
        label: 'Partner agency',
        created_at: '2026-05-10T08:00:00Z',
        expires_at: farAway,
      },
      basic(guestEmail, guestPassword),
    );
    await link('other team’s subscription', {
      kind: 'personal',
      owner_id: ids.olga,
      team_id: ids.otherTeam,
      created_at: '2026-04-02T08:00:00Z',
      expires_at: farAway,
    });
    // A revoked link must stay revoked.
    const revoked = generateFeedToken();
    revokedToken = revoked.token;
    await insert('feed_tokens', {
      kind: 'personal',
      token_hash: revoked.tokenHash,
      display_prefix: revoked.displayPrefix,
      owner_id: ids.bob,
      team_id: ids.team,
      created_at: '2026-01-05T08:00:00Z',
      expires_at: farAway,
      revoked_at: '2026-02-01T08:00:00Z',
      revoked_by_id: ids.bob,
    });
    await query(
      `insert into audit_events (at, actor_id, action, target_type, target_id, team_id, ip, details)
       values ('2026-06-01T10:00:00.123Z', $1, 'public_link.created', 'feed_token', $2, $3,
               '198.51.100.4', $4)`,
      [ids.manager, publicLink, ids.team, { label: 'Reception screen', privacy: 'busy' }],
    );

    for (const each of issued) links.push({ ...each, before: await oldFeed(each) });
    before = await snapshot();
    const [old] = await query<{ version: number | bigint; updatedAt: Date }>(
      `select calendar_version as version, calendar_updated_at as "updatedAt"
       from teams where id = $1`,
      [ids.team],
    );
    oldCalendar = { version: Number(old!.version), updatedAt: old!.updatedAt };

    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS });
    eventsTable = 'calendar_events';
    // From here on the DAL reads this upgraded database.
    installDatabase({
      db: drizzle({ client, schema }),
      kind: 'pglite',
      migrate: async () => {},
      close: () => client.close(),
    });
  });

  afterAll(async () => {
    installDatabase(undefined);
    await client.close();
  });

  it('answers every link with the same bytes, ETag and Last-Modified as before', async () => {
    for (const link of links) {
      const access = await openFeed(link.token, request, link.authorization);
      // No link has kept a window yet (0012): its validators are today's window's.
      expect(access.keptWindow, link.name).toBeNull();
      const after = await newFeed(access);
      expect(after.expiryWarning, link.name).toBeNull();
      expect(new TextDecoder().decode(after.bytes), link.name).toBe(link.before.body);
      expect(after.bytes, link.name).toEqual(new TextEncoder().encode(link.before.body));
      expect(after.etag, link.name).toBe(link.before.etag);
      expect(after.lastModified, link.name).toEqual(link.before.lastModified);
      // Read as calendar clients do: every row became one event.
      expect(parseFeed(link.before.body).events, link.name).toHaveLength(link.before.events);
    }
    // The feeds are not trivially equal: they hold the rows each link selects.
    const counts = Object.fromEntries(links.map((link) => [link.name, link.before.events]));
    expect(counts).toEqual({
      'member’s subscription': 10,
      'manager’s subscription': 10,
      'public link': 4,
      'guest share': 9,
      'other team’s subscription': 2,
    });
  });

  it('keeps the links refused that were refused', async () => {
    await expect(openFeed(revokedToken, request)).rejects.toMatchObject({ code: 'gone' });
    const guest = links.find((link) => link.name === 'guest share')!;
    await expect(
      openFeed(guest.token, request, basic(guestEmail, 'not the password')),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('keeps ids, hashes, settings, events and audit, pointing at the team’s calendar', async () => {
    const after = await snapshot();
    expect(after.tokens).toEqual(before.tokens);
    expect(after.shares).toEqual(before.shares);
    expect(after.events).toEqual(before.events);
    expect(after.audit).toEqual(before.audit);
    expect(before.tokens).toHaveLength(links.length + 1);
    expect(before.events).toHaveLength(4);
    expect(before.audit).toHaveLength(1);

    const calendarOf = async (teamId: string) => {
      const [calendar] = await query<{
        id: string;
        kind: string;
        version: number | bigint;
        updatedAt: Date;
      }>(`select id, kind, version, updated_at as "updatedAt" from calendars where team_id = $1`, [
        teamId,
      ]);
      return calendar!;
    };
    const paris = await calendarOf(ids.team);
    const lyon = await calendarOf(ids.otherTeam);
    expect(paris.kind).toBe('team');
    expect(Number(paris.version)).toBe(oldCalendar.version);
    expect(paris.updatedAt).toEqual(oldCalendar.updatedAt);
    expect(Number(lyon.version)).toBe(3);

    const tokenCalendars = await query<{ id: string; calendarId: string }>(
      'select id, calendar_id as "calendarId" from feed_tokens',
    );
    const otherTeamLink = links.find((link) => link.name === 'other team’s subscription')!.id;
    for (const { id, calendarId } of tokenCalendars)
      expect(calendarId, id).toBe(id === otherTeamLink ? lyon.id : paris.id);
    const [share] = await query<{ calendarId: string }>(
      'select calendar_id as "calendarId" from guest_shares where id = $1',
      [ids.share],
    );
    expect(share!.calendarId).toBe(paris.id);
    const eventCalendars = await query<{ title: string; calendarId: string }>(
      'select title, calendar_id as "calendarId" from calendar_events',
    );
    for (const { title, calendarId } of eventCalendars)
      expect(calendarId, title).toBe(title === 'Lyon kick-off' ? lyon.id : paris.id);
    // Every existing person has a calendar of their own too.
    const [people] = await query<{ count: number }>(
      `select count(*)::int as count from calendars where kind = 'person'`,
    );
    expect(people!.count).toBe(4);
  });

  it('gives a team created after the upgrade its calendar', async () => {
    const teamId = await insert('teams', { name: 'Berlin', slug: 'berlin' });
    const calendars = await query<{ kind: string; version: number | bigint }>(
      'select kind, version from calendars where team_id = $1',
      [teamId],
    );
    expect(calendars.map((row) => ({ ...row, version: Number(row.version) }))).toEqual([
      { kind: 'team', version: 1 },
    ]);
  });
});
