import 'server-only';
import { and, count, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db';
import { outboxMessages, type OutboxMessage } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import type { ComposedMail } from '@/lib/mail/compose';
import { isMailServerConfigured } from '@/lib/mail/transport';
import type { Actor } from './actor';
import { assertActiveAdmin, pageOf, PAGE_SIZE, type Page } from './admin-access';

// The outbox: every message TeamCal sends is first a row here, written in the transaction of the
// action that causes it (a share, a decision), so the action and its mail commit or fail together
// and a mail server that is down never breaks the action. lib/mail/worker.ts sends the rows.

export type MailState = OutboxMessage['state'];

export interface QueuedMail {
  /** What the message is about, e.g. `guest_share.invitation`. */
  kind: string;
  to: string;
  /** The recipient's account, when they have one. */
  recipientUserId?: string | null;
  mail: ComposedMail;
}

type AfterQueue = () => void;
let afterQueue: AfterQueue | null = null;

/** The worker of this process asks to hear of new mail, so it need not wait for its next round. */
export function onMailQueued(listener: AfterQueue | null): void {
  afterQueue = listener;
}

/** Adds messages to the outbox inside the caller's transaction. */
export async function queueMail(db: Database | Transaction, messages: QueuedMail[]): Promise<void> {
  if (messages.length === 0) return;
  // Without a mail server the messages stay here for admins to read (the embedded demo).
  const state: MailState = isMailServerConfigured() ? 'queued' : 'held';
  await db.insert(outboxMessages).values(
    messages.map((message) => ({
      kind: message.kind,
      recipient: message.to,
      recipientUserId: message.recipientUserId ?? null,
      subject: message.mail.subject,
      textBody: message.mail.text,
      htmlBody: message.mail.html,
      state,
    })),
  );
  if (state === 'queued') afterQueue?.();
}

// Sending

export interface ClaimedMail {
  id: string;
  claimId: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attempts: number;
}

/**
 * Takes up to `limit` due messages for one worker. Rows are locked with SKIP LOCKED and leased
 * until `leaseSeconds` from now: two instances never take the same row, and a row whose worker
 * stopped mid-send is taken again once its lease has run out.
 */
export async function claimDueMail(limit: number, leaseSeconds: number): Promise<ClaimedMail[]> {
  const db = getDb();
  const claimId = crypto.randomUUID();
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.state, 'queued'),
        lte(outboxMessages.nextAttemptAt, sql`now()`),
        or(isNull(outboxMessages.claimedUntil), lte(outboxMessages.claimedUntil, sql`now()`)),
      ),
    )
    .orderBy(outboxMessages.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(outboxMessages)
    .set({
      claimId,
      claimedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      attempts: sql`${outboxMessages.attempts} + 1`,
    })
    .where(inArray(outboxMessages.id, due))
    .returning({
      id: outboxMessages.id,
      recipient: outboxMessages.recipient,
      subject: outboxMessages.subject,
      textBody: outboxMessages.textBody,
      htmlBody: outboxMessages.htmlBody,
      attempts: outboxMessages.attempts,
    });
  return rows.map((row) => ({ ...row, claimId }));
}

/**
 * Renews the worker's lease on one message just before it is sent: the batch was claimed at once,
 * but its messages go out one after another, so a slow mail server can outlast the first lease.
 * False when another worker has taken the message since: it is theirs to send.
 */
export async function renewMailClaim(mail: ClaimedMail, leaseSeconds: number): Promise<boolean> {
  const renewed = await getDb()
    .update(outboxMessages)
    .set({ claimedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        eq(outboxMessages.id, mail.id),
        eq(outboxMessages.claimId, mail.claimId),
        eq(outboxMessages.state, 'queued'),
      ),
    )
    .returning({ id: outboxMessages.id });
  return renewed.length > 0;
}

// A link's secret leaves the outbox once the message is out of TeamCal's hands: the copy in the
// recipient's mailbox is the only one, as with a link shown once on screen.
const LINK_SECRET = /(\/(?:guest|setup-password|reset-password)\/)[A-Za-z0-9_-]{43}/g;

/** What stands for a one-time link's secret in a message once it was sent. */
export const REMOVED_SECRET = '[removed-once-sent]';

export function redactLinkSecrets(body: string): string {
  return body.replace(LINK_SECRET, `$1${REMOVED_SECRET}`);
}

/** The mail server accepted the message; a worker whose lease was lost changes nothing. */
export async function recordMailSent(mail: ClaimedMail, response: string): Promise<void> {
  await getDb()
    .update(outboxMessages)
    .set({
      state: 'sent',
      sentAt: sql`now()`,
      lastResponse: response.slice(0, 1000),
      claimedUntil: null,
      textBody: redactLinkSecrets(mail.textBody),
      htmlBody: redactLinkSecrets(mail.htmlBody),
    })
    .where(and(eq(outboxMessages.id, mail.id), eq(outboxMessages.claimId, mail.claimId)));
}

/**
 * The mail server refused the message or could not be reached; returns the message's new state,
 * or null when another worker holds it now. It is tried again after the
 * attempt's delay, unless the refusal is permanent or that was the last attempt. A failed message
 * keeps its links, so that an admin can send it again once the server is back.
 */
export async function recordMailFailure(
  mail: ClaimedMail,
  failure: { response: string; permanent: boolean; retryDelaysSeconds: readonly number[] },
): Promise<MailState | null> {
  const delay = failure.retryDelaysSeconds[mail.attempts - 1];
  const final = failure.permanent || delay === undefined;
  const [row] = await getDb()
    .update(outboxMessages)
    .set({
      state: final ? 'failed' : 'queued',
      nextAttemptAt: final ? sql`now()` : sql`now() + make_interval(secs => ${delay})`,
      lastResponse: failure.response.slice(0, 1000),
      claimedUntil: null,
    })
    .where(and(eq(outboxMessages.id, mail.id), eq(outboxMessages.claimId, mail.claimId)))
    .returning({ state: outboxMessages.state });
  // Null: another worker took the message since; what this one saw changes nothing.
  return row?.state ?? null;
}

// Reading, for admins

export interface OutboxRow {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  state: MailState;
  attempts: number;
  lastResponse: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

export interface OutboxMessageDetail extends OutboxRow {
  textBody: string;
  htmlBody: string;
}

const rowColumns = {
  id: outboxMessages.id,
  kind: outboxMessages.kind,
  recipient: outboxMessages.recipient,
  subject: outboxMessages.subject,
  state: outboxMessages.state,
  attempts: outboxMessages.attempts,
  lastResponse: outboxMessages.lastResponse,
  createdAt: outboxMessages.createdAt,
  sentAt: outboxMessages.sentAt,
  nextAttemptAt: outboxMessages.nextAttemptAt,
};

/** The outbox, newest first, optionally one state only. */
export async function listOutbox(
  actor: Actor,
  filter: { state?: MailState; page: number },
): Promise<Page<OutboxRow>> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const where = filter.state ? eq(outboxMessages.state, filter.state) : undefined;
  const [{ total }] = (await db.select({ total: count() }).from(outboxMessages).where(where)) as [
    { total: number },
  ];
  const rows = await db
    .select(rowColumns)
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE);
  return pageOf(rows, total, filter.page);
}

export async function getOutboxMessage(
  actor: Actor,
  messageId: string,
): Promise<OutboxMessageDetail> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const [row] = await db
    .select({
      ...rowColumns,
      textBody: outboxMessages.textBody,
      htmlBody: outboxMessages.htmlBody,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.id, messageId));
  if (!row) throw new AppError('not_found', new TranslatableText('admin.errors.messageNotFound'));
  return row;
}

/** An admin sends a failed message again (the mail server is back): one more round of tries. */
export async function retryOutboxMessage(actor: Actor, messageId: string): Promise<void> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const [row] = await db
    .update(outboxMessages)
    .set({ state: 'queued', attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(outboxMessages.id, messageId), eq(outboxMessages.state, 'failed')))
    .returning({ id: outboxMessages.id });
  if (!row) throw new AppError('conflict', new TranslatableText('admin.errors.onlyFailed'));
  afterQueue?.();
}
