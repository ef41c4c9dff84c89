import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxMessages } from '@/db/schema';
import { claimDueMail, queueMail, recordMailFailure } from '@/lib/dal/outbox';
import { composeMail } from '@/lib/mail/compose';
import { setupTestDatabase } from '@/test/helpers/database';
import { outboxRowsTo, setupOutboxDelivery } from '@/test/helpers/outbox-delivery';
import { waitFor } from '@/test/helpers/smtp-server';

// Several workers over one outbox — instances of the app, or one that stopped mid-send: each
// message reaches the mail server once, and none is left behind.

const db = setupTestDatabase();
const { smtp, deliver } = setupOutboxDelivery();
const isPostgres = process.env.TEST_DB_KIND === 'postgres';

let batches = 0;
/** Queues `count` messages, each to its own address with its own subject. */
async function queueMessages(count: number) {
  batches += 1;
  const messages = Array.from({ length: count }, (_, index) => {
    const subject = `Batch ${batches}, message ${index + 1}`;
    return {
      kind: 'test.message',
      to: `reader-${batches}-${index + 1}@example.org`,
      mail: composeMail({
        locale: 'en-GB',
        subject,
        greeting: 'Hello,',
        blocks: [{ kind: 'paragraph', text: `This is ${subject.toLowerCase()}.` }],
        footer: 'Sent by a test.',
      }),
    };
  });
  await queueMail(db(), messages);
  return messages;
}

/** What became of the messages: state and attempts by subject. */
async function outcomes(subjects: string[]) {
  const rows = await db()
    .select({
      subject: outboxMessages.subject,
      state: outboxMessages.state,
      attempts: outboxMessages.attempts,
    })
    .from(outboxMessages)
    .where(inArray(outboxMessages.subject, subjects));
  return new Map(rows.map((row) => [row.subject, { state: row.state, attempts: row.attempts }]));
}

describe('workers sharing one outbox', () => {
  it('two workers at once send each of 30 messages exactly once', async () => {
    const messages = await queueMessages(30);
    const subjects = messages.map((message) => message.mail.subject);
    // Messages wait at the server until both workers are sending at the same moment.
    const release = smtp().hold();
    const workers = Promise.all([
      deliver([600], { batchSize: 5 }),
      deliver([600], { batchSize: 5 }),
    ]);
    await waitFor(() => (smtp().waiting().length >= 2 ? true : undefined), {
      timeoutMs: 15_000,
      describe: () => `Only ${smtp().waiting().length} message(s) reached the server at once.`,
    });
    release();
    const reports = await workers;

    expect(reports.every((report) => report.sent > 0)).toBe(true);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(30);
    expect(reports.every((report) => report.retrying === 0 && report.failed === 0)).toBe(true);
    const received = smtp().received;
    expect(received.map((mail) => mail.subject).sort()).toEqual([...subjects].sort());
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(30);
    for (const mail of received)
      expect(mail.envelopeTo).toEqual([messages.find((m) => m.mail.subject === mail.subject)!.to]);
    expect([...(await outcomes(subjects)).values()]).toEqual(
      Array.from({ length: 30 }, () => ({ state: 'sent', attempts: 1 })),
    );
  });

  it('claims made at the same moment never share a message', async () => {
    const messages = await queueMessages(30);
    const subjects = messages.map((message) => message.mail.subject);
    const claimAll = () => Promise.all(Array.from({ length: 6 }, () => claimDueMail(5, 600)));
    let racing: ReturnType<typeof claimAll> | undefined;
    if (isPostgres) {
      // A transaction holds the table until all six claims wait for it, so that they really run
      // at the same time when it ends. (PGlite runs one statement at a time anyway.)
      await db().transaction(async (tx) => {
        await tx.execute(sql`lock table outbox_messages in exclusive mode`);
        racing = claimAll();
        await waitFor(
          async () => {
            // Inside a transaction PostgreSQL keeps its first reading of pg_stat_activity.
            await tx.execute(sql`select pg_stat_clear_snapshot()`);
            const [row] = (await tx.execute(
              sql`select count(*)::int as waiting from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
            )) as unknown as Array<{ waiting: number }>;
            return row!.waiting >= 6 ? true : undefined;
          },
          { timeoutMs: 1_500, describe: () => 'The claims did not all wait for the lock.' },
        );
      });
    } else racing = claimAll();
    const claims = (await racing!).flat();

    const ids = claims.map((claim) => claim.id);
    expect(new Set(ids).size).toBe(30);
    expect(claims.map((claim) => claim.subject).sort()).toEqual([...subjects].sort());
    expect(new Set(claims.map((claim) => claim.claimId)).size).toBe(6);
    // Leased: no other worker takes them while their workers send.
    expect(await claimDueMail(50, 600)).toEqual([]);
    expect(await deliver([600])).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // Their workers stopped; once the leases have run out, one worker sends them all.
    await db()
      .update(outboxMessages)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(inArray(outboxMessages.id, ids));
    expect(await deliver([600])).toEqual({ sent: 30, retrying: 0, failed: 0 });
    expect(smtp().received).toHaveLength(30);
    expect([...(await outcomes(subjects)).values()]).toEqual(
      Array.from({ length: 30 }, () => ({ state: 'sent', attempts: 2 })),
    );
  });

  it('a message whose worker stopped mid-send is sent by another once its lease has run out, and the first worker’s late word changes nothing', async () => {
    const queued = await queueMessages(2);
    // One worker takes a message and is still sending it; another takes the other one with a
    // lease that is already over, as if it had stopped mid-send.
    const [live] = await claimDueMail(1, 600);
    const [stopped] = await claimDueMail(1, 0);
    const [first, second] = [stopped!, live!].map((claim) =>
      queued.find((message) => message.to === claim.recipient)!,
    );
    expect(first).not.toBe(second);

    expect(await deliver([600])).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp().received.map((mail) => mail.subject)).toEqual([first!.mail.subject]);
    const [row] = await outboxRowsTo(db(), first!.to);
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
    expect(row!.lastResponse).toMatch(/^250 /);

    // The stopped worker comes back with its old claim: the row is another worker's now.
    await recordMailFailure(stopped!, {
      response: '421 Too late',
      permanent: true,
      retryDelaysSeconds: [],
    });
    expect((await outboxRowsTo(db(), first!.to))[0]).toMatchObject({
      state: 'sent',
      lastResponse: row!.lastResponse,
    });

    // The second message is left alone until its worker's lease runs out too.
    const [waiting] = await outboxRowsTo(db(), second!.to);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    await db()
      .update(outboxMessages)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(outboxMessages.id, live!.id));
    expect(await deliver([600])).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp().received.map((mail) => mail.subject)).toEqual([
      first!.mail.subject,
      second!.mail.subject,
    ]);
  });

  it('a worker still busy with the first message of its batch does not send a later one another worker has taken since', async () => {
    const queued = await queueMessages(2);
    const subjects = queued.map((message) => message.mail.subject);
    const release = smtp().hold();
    // A slow mail server: the worker takes both messages and waits on the first one...
    const slow = deliver([600], { batchSize: 2 });
    const [sending] = await waitFor(
      () => (smtp().waiting().length > 0 ? smtp().waiting() : undefined),
      { timeoutMs: 15_000, describe: () => 'The first message did not reach the server.' },
    );
    const later = queued.find((message) => message.mail.subject !== sending!.subject)!;
    // ...until the lease on the second one has run out, and another worker takes and sends it.
    await db()
      .update(outboxMessages)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(outboxMessages.subject, later.mail.subject));
    const other = deliver([600], { batchSize: 2 });
    await waitFor(() => (smtp().waiting().length === 2 ? true : undefined), {
      timeoutMs: 15_000,
      describe: () => 'The second worker did not send the message whose lease ran out.',
    });
    release();
    const reports = await Promise.all([slow, other]);

    expect(
      smtp()
        .received.map((mail) => mail.subject)
        .sort(),
    ).toEqual([...subjects].sort());
    expect(reports.map((report) => report.sent)).toEqual([1, 1]);
    expect([...(await outcomes(subjects)).values()].map((row) => row.state)).toEqual([
      'sent',
      'sent',
    ]);
  });
});
