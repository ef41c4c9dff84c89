import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { PGLITE_OPTIONS } from '@/db';

// An upgrade as a running installation meets it: the migrations it already had, its data, then
// the new migration.

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
