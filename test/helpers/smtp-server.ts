import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server for the mail tests (nodemailer's smtp-server on a free local port, no TLS,
// any or no login accepted), keeping every message it accepted as mailparser reads it. It can
// refuse for a while (451) or for good (550), hold messages until the test lets them through,
// and be stopped and started again on the same port (stopped = a closed port).

export interface ReceivedMail {
  envelopeFrom: string | null;
  envelopeTo: string[];
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
}

export type SmtpAnswer =
  | { kind: 'accept' }
  /** Refuses every recipient (RCPT TO) or every message (after DATA) with this code and text. */
  | { kind: 'refuse'; code: number; message: string; at: 'rcpt' | 'data' };

export const TEMPORARY_REFUSAL = {
  kind: 'refuse',
  code: 451,
  message: '4.3.0 Mailbox busy, try again later (test server)',
  at: 'rcpt',
} as const satisfies SmtpAnswer;

export const PERMANENT_REFUSAL = {
  kind: 'refuse',
  code: 550,
  message: '5.1.1 No such mailbox here (test server)',
  at: 'rcpt',
} as const satisfies SmtpAnswer;

export interface TestSmtpServer {
  port: number;
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL or createMailTransport. */
  url: string;
  /** Every message accepted since the start or the last `clear()`, in order of arrival. */
  received: ReceivedMail[];
  clear(): void;
  answer(answer: SmtpAnswer): void;
  /** Messages that arrive wait at the end of DATA until the returned function is called. */
  hold(): () => void;
  /** The messages waiting at the end of DATA while held. */
  waiting(): ReceivedMail[];
  /**
   * Polls until at least `count` messages (to `to`, when given) have arrived; fails with what did
   * arrive once `timeoutMs` has passed.
   */
  waitForMessages(
    count: number,
    options?: { to?: string; timeoutMs?: number },
  ): Promise<ReceivedMail[]>;
  /** Closes the port; connections in progress are cut. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  return [value ?? []]
    .flat()
    .flatMap((group) => group.value.map((address) => address.address ?? ''))
    .filter(Boolean);
}

/** Polls `check` until it returns a value, or throws `describe()` at the deadline. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  { timeoutMs, describe }: { timeoutMs: number; describe: () => string },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let answer: SmtpAnswer = { kind: 'accept' };
  let gate: Promise<void> | null = null;
  const waiting: ReceivedMail[] = [];
  let port = 0;

  const refusal = (at: 'rcpt' | 'data') => {
    if (answer.kind !== 'refuse' || answer.at !== at) return null;
    return Object.assign(new Error(answer.message), { responseCode: answer.code });
  };

  const create = () =>
    new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'anyone' }),
      logger: false,
      disableReverseLookup: true,
      closeTimeout: 100,
      onRcptTo(_address, _session, callback) {
        callback(refusal('rcpt'));
      },
      onData(stream, session, callback) {
        void (async () => {
          const parsed = await simpleParser(stream);
          const refused = refusal('data');
          if (refused) return callback(refused);
          const mail: ReceivedMail = {
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            messageId: parsed.messageId ?? null,
            from: addresses(parsed.from)[0] ?? '',
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: parsed.headers,
          };
          if (gate) {
            waiting.push(mail);
            await gate;
            waiting.splice(waiting.indexOf(mail), 1);
          }
          received.push(mail);
          callback();
        })().catch((error: unknown) => callback(error as Error));
      },
    });

  let server = create();
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.server.address() as AddressInfo).port;
        server.off('error', reject);
        resolve();
      });
    });
  await listen();
  let running = true;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    clear: () => void received.splice(0),
    answer(next) {
      answer = next;
    },
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    waiting: () => [...waiting],
    waitForMessages(count, { to, timeoutMs = 15_000 } = {}) {
      const matching = () =>
        received.filter((mail) => to === undefined || mail.envelopeTo.includes(to));
      return waitFor(() => (matching().length >= count ? matching() : undefined), {
        timeoutMs,
        describe: () =>
          `Expected ${count} message(s)${to ? ` to ${to}` : ''} within ${timeoutMs / 1000}s; ` +
          `received: ${JSON.stringify(received.map((mail) => [mail.envelopeTo, mail.subject]))}`,
      });
    },
    async stop() {
      if (!running) return;
      running = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      if (running) return;
      server = create();
      await listen();
      running = true;
    },
  };
}
