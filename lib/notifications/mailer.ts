import nodemailer, { type Transporter } from 'nodemailer';

/*
 * E-mail goes out over SMTP when MODELGATE_SMTP_URL is set (smtp://user:pass@host:587, or smtps://… for
 * TLS from the start), from MODELGATE_MAIL_FROM. Unset: mail is off, and nothing is queued.
 */

export interface MailConfig {
  url: string;
  from: string;
}

export function mailConfig(): MailConfig | null {
  const url = process.env.MODELGATE_SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: process.env.MODELGATE_MAIL_FROM?.trim() || 'Modelgate <modelgate@localhost>' };
}

export const mailEnabled = (): boolean => mailConfig() !== null;

let cached: { url: string; transport: Transporter } | undefined;

function transport(url: string): Transporter {
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport(url) };
  }
  return cached.transport;
}

/** Hands one message to the SMTP server; throws when it refuses or cannot be reached (the job is retried). */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const config = mailConfig();
  if (!config) throw new Error('Mail is off: MODELGATE_SMTP_URL is not set.');
  await transport(config.url).sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
}

/** What the admin overview says about mail: the server's address without its credentials. */
export function mailStatus(): { enabled: false } | { enabled: true; server: string; from: string } {
  const config = mailConfig();
  if (!config) return { enabled: false };
  let server = 'the configured SMTP server';
  try {
    const url = new URL(config.url);
    server = `${url.protocol.replace(/:$/, '')}://${url.host}`;
  } catch {
    // An unparseable URL fails on the first send, with nodemailer's own message in the job's error.
  }
  return { enabled: true, server, from: config.from };
}
