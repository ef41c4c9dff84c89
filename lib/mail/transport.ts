import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';

// How mail leaves TeamCal: SMTP through nodemailer when SMTP_URL is set, otherwise nowhere — the
// messages are held in the outbox for admins to read (the embedded demo).

const smtpUrlSchema = z
  .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be smtp://… or smtps://…' })
  .optional();
const mailFromSchema = z.string().trim().min(3).max(300);

export interface MailSettings {
  smtpUrl: string | null;
  from: string;
}

/** The mail settings from the environment; a malformed SMTP_URL stops the server at start. */
export function mailSettings(): MailSettings {
  const smtpUrl = smtpUrlSchema.parse(process.env.SMTP_URL?.trim() || undefined) ?? null;
  const from = mailFromSchema.safeParse(process.env.MAIL_FROM);
  return { smtpUrl, from: from.success ? from.data : 'TeamCal <teamcal@localhost>' };
}

export function isMailServerConfigured(): boolean {
  return mailSettings().smtpUrl !== null;
}

// A slow or silent server gives up in seconds rather than holding the worker.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function createMailTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl, TIMEOUTS);
}

/** What the person who caused a mail is told about where it went. */
export function mailDeliveryNote(recipient: string): string {
  return isMailServerConfigured()
    ? `TeamCal is mailing an invitation to ${recipient}.`
    : `No mail server is configured, so the message to ${recipient} waits in the outbox (Admin → Outbox).`;
}
