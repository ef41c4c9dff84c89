import 'server-only';
import type { Transporter } from 'nodemailer';
import {
  claimDueMail,
  onMailQueued,
  recordMailFailure,
  recordMailSent,
  renewMailClaim,
  type ClaimedMail,
} from '@/lib/dal/outbox';
import { createMailTransport, mailSettings } from './transport';

// Sends the outbox (lib/dal/outbox.ts) off the request path: every few seconds, and soon after an
// action of this process queued a message. Each instance runs one; the claims keep them apart.

/** Seconds to wait before each retry; the number of attempts is one more than the delays. */
export const DEFAULT_RETRY_DELAYS_SECONDS = [60, 300, 1800, 7200] as const;

export function retryDelaysFromEnvironment(): readonly number[] {
  const raw = process.env.MAIL_RETRY_DELAYS?.trim();
  if (!raw) return DEFAULT_RETRY_DELAYS_SECONDS;
  const delays = raw.split(',').map((part) => Number(part.trim()));
  return delays.every((delay) => Number.isInteger(delay) && delay >= 0 && delay <= 86_400)
    ? delays
    : DEFAULT_RETRY_DELAYS_SECONDS;
}

export interface DeliveryOptions {
  transport: Transporter;
  from: string;
  retryDelaysSeconds: readonly number[];
  batchSize?: number;
  /**
   * Longer than one send can take (the transport's timeouts), so a live worker keeps its rows;
   * renewed before each message of a batch.
   */
  leaseSeconds?: number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

interface SmtpError {
  responseCode?: number;
  response?: string;
  code?: string;
  message?: string;
}

/** 5xx answers are permanent (no such mailbox, refused); the rest may pass on a later try. */
function describeFailure(error: unknown): { response: string; permanent: boolean } {
  const smtp = (error ?? {}) as SmtpError;
  const response = smtp.response ?? [smtp.code, smtp.message].filter(Boolean).join(': ');
  return {
    response: response || 'The mail server could not be reached.',
    permanent: typeof smtp.responseCode === 'number' && smtp.responseCode >= 500,
  };
}

const DEFAULT_LEASE_SECONDS = 120;

async function deliverOne(mail: ClaimedMail, options: DeliveryOptions) {
  // Taken by another worker while this one was busy with earlier messages of the batch.
  if (!(await renewMailClaim(mail, options.leaseSeconds ?? DEFAULT_LEASE_SECONDS))) return null;
  let response: string;
  try {
    const info = await options.transport.sendMail({
      from: options.from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
    });
    response = String(info.response ?? 'accepted');
  } catch (error) {
    const failure = describeFailure(error);
    const state = await recordMailFailure(mail, {
      ...failure,
      retryDelaysSeconds: options.retryDelaysSeconds,
    });
    if (!state) return null;
    // Never the message's content or address: only which row, and the server's answer.
    console.warn(
      `TeamCal mail ${mail.id}: ${state} after attempt ${mail.attempts} (${failure.response})`,
    );
    return state === 'failed' ? ('failed' as const) : ('retrying' as const);
  }
  // Outside the try: the server has the message, so a database error here must not count as a
  // refusal and send it again.
  await recordMailSent(mail, response);
  return 'sent' as const;
}

/** Sends every message due now, one batch after another, and says what became of them. */
export async function deliverDueMail(options: DeliveryOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const batchSize = options.batchSize ?? 20;
  for (;;) {
    const batch = await claimDueMail(batchSize, options.leaseSeconds ?? DEFAULT_LEASE_SECONDS);
    for (const mail of batch) {
      const outcome = await deliverOne(mail, options);
      if (outcome) report[outcome] += 1;
    }
    if (batch.length < batchSize) return report;
  }
}

const POLL_INTERVAL_MS = 5_000;

/** Starts this process's worker when a mail server is configured; returns a function to stop it. */
export function startMailWorker(): () => void {
  const { smtpUrl, from } = mailSettings();
  if (!smtpUrl) return () => {};
  const options: DeliveryOptions = {
    transport: createMailTransport(smtpUrl),
    from,
    retryDelaysSeconds: retryDelaysFromEnvironment(),
  };
  let running = false;
  let again = false;
  const round = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await deliverDueMail(options);
      } while (again);
    } catch (error) {
      // The database is out of reach: the rows wait for the next round.
      console.error(`TeamCal mail: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void round(), POLL_INTERVAL_MS);
  timer.unref();
  // After the action's transaction has committed: a moment later is enough.
  onMailQueued(() => void setTimeout(() => void round(), 200).unref());
  void round();
  return () => {
    clearInterval(timer);
    onMailQueued(null);
    options.transport.close();
  };
}
