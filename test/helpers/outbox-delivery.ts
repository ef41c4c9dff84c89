import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database } from '@/db';
import { outboxMessages } from '@/db/schema';
import { createMailTransport } from '@/lib/mail/transport';
import { deliverDueMail, type DeliveryOptions } from '@/lib/mail/worker';
import { startSmtpServer, type TestSmtpServer } from './smtp-server';

// For database tests of the outbox: a real SMTP server for the file, SMTP_URL pointing at it (so
// that messages are queued, not held) and a fixed public address for links, both restored after.

export const PUBLIC_URL = 'https://teamcal.example.org';
export const FROM_ADDRESS = 'teamcal@teamcal.example.org';

const ENVIRONMENT = ['SMTP_URL', 'TEAMCAL_PUBLIC_URL'] as const;

export function setupOutboxDelivery() {
  let server: TestSmtpServer | undefined;
  const saved = Object.fromEntries(ENVIRONMENT.map((name) => [name, process.env[name]]));
  beforeAll(async () => {
    server = await startSmtpServer();
    process.env.SMTP_URL = server.url;
    process.env.TEAMCAL_PUBLIC_URL = PUBLIC_URL;
  });
  afterAll(async () => {
    for (const name of ENVIRONMENT)
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    await server?.stop();
  });
  // Every test starts with the server up, accepting, and nothing received.
  beforeEach(async () => {
    await server!.start();
    server!.clear();
    server!.answer({ kind: 'accept' });
  });
  const smtp = () => {
    if (!server) throw new Error('The SMTP server is not ready: call it inside a test or hook.');
    return server;
  };
  return {
    smtp,
    /** One round of a worker, as lib/mail/worker.ts runs it, against the test server. */
    deliver: (retryDelaysSeconds: readonly number[], options: Partial<DeliveryOptions> = {}) =>
      deliverDueMail({
        transport: createMailTransport(smtp().url),
        from: `TeamCal <${FROM_ADDRESS}>`,
        retryDelaysSeconds,
        ...options,
      }),
  };
}

/** The outbox's rows to one address, oldest first, with the seconds until each one's next try. */
export function outboxRowsTo(db: Database, recipient: string) {
  return db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      subject: outboxMessages.subject,
      state: outboxMessages.state,
      attempts: outboxMessages.attempts,
      lastResponse: outboxMessages.lastResponse,
      sentAt: outboxMessages.sentAt,
      textBody: outboxMessages.textBody,
      htmlBody: outboxMessages.htmlBody,
      recipientUserId: outboxMessages.recipientUserId,
      secondsUntilNextAttempt: sql<number>`extract(epoch from ${outboxMessages.nextAttemptAt} - now())::float8`,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, recipient))
    .orderBy(outboxMessages.createdAt);
}

/** Time passes until the message's next attempt is due. */
export async function reachNextAttempt(db: Database, id: string): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ nextAttemptAt: sql`now()` })
    .where(eq(outboxMessages.id, id));
}
