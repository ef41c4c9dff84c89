import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWrites } from '@/db/pglite-writes';

// The embedded mode's write count (db/pglite-writes.ts): what lets a poll trust a row it read.

const client = new PGlite();
const writes = countWrites(client);
beforeAll(() => client.waitReady, 60_000);
afterAll(() => client.close());

describe('the embedded write count', () => {
  it('stays for reads and moves once each statement that may write has finished', async () => {
    await client.exec('create table notes (id int primary key, body text)');
    const start = writes();
    await client.query('select count(*) from notes');
    await client.query('  SELECT * from notes where id = $1', [1]);
    expect(writes()).toBe(start);

    const inserting = client.query('insert into notes values (1, $1)', ['a']);
    expect(writes()).toBe(start);
    await inserting;
    expect(writes()).toBe(start + 1);

    await client.query(
      'with gone as (delete from notes where id = 1 returning id) select * from gone',
    );
    await client.exec('select 1');
    expect(writes()).toBe(start + 3);
  });

  it('counts a transaction once it has ended, committed or rolled back', async () => {
    const start = writes();
    await client.transaction(async (tx) => {
      await tx.query('insert into notes values (2, $1)', ['b']);
      expect(writes()).toBe(start);
    });
    expect(writes()).toBe(start + 1);
    await expect(
      client.transaction(async (tx) => {
        await tx.query('insert into notes values (3, $1)', ['c']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(writes()).toBe(start + 2);
    expect((await client.query('select id from notes order by id')).rows).toEqual([{ id: 2 }]);
  });

  it('counts a statement that failed', async () => {
    const start = writes();
    await expect(client.query('insert into notes values (2, $1)', ['duplicate'])).rejects.toThrow();
    expect(writes()).toBe(start + 1);
  });
});
