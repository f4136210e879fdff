import nodemailer from 'nodemailer'

// E-mail copies of inbox notifications. With SMTP_URL set they go out through that server; without it the
// only sender records that a message would have gone out. Logs name the recipient's user id and the kind
// only: never an address, a name or the text.

export interface OutgoingEmail {
  notificationId: string
  userId: string
  kind: string
  /** The recipient's address (never logged). */
  to: string
  subject: string
  text: string
}

export interface EmailLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

export interface EmailSender {
  /** Whether messages really leave (an SMTP server is configured). */
  delivers: boolean
  log: EmailLog
  /** Resolves once the server accepted the message; rejects when it did not. */
  send(email: OutgoingEmail): Promise<void>
}

export function loggingEmailSender(log: EmailLog): EmailSender {
  return {
    delivers: false,
    log,
    async send(email) {
      log.info({ userId: email.userId, kind: email.kind }, 'notification e-mail not sent: no SMTP configured')
    },
  }
}

/** Sends through the SMTP server at `url` (smtp://user:password@host:port, or smtps:// for TLS from the start). */
export function smtpEmailSender(options: { url: string; from: string; log: EmailLog }): EmailSender {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  })
  return {
    delivers: true,
    log: options.log,
    async send(email) {
      await transport.sendMail({ from: options.from, to: email.to, subject: email.subject, text: email.text })
      options.log.info({ userId: email.userId, kind: email.kind }, 'notification e-mail sent')
    },
  }
}

/** The sender the settings ask for. */
export function emailSenderFor(
  config: { smtpUrl: string | undefined; smtpFrom: string },
  log: EmailLog,
): EmailSender {
  return config.smtpUrl
    ? smtpEmailSender({ url: config.smtpUrl, from: config.smtpFrom, log })
    : loggingEmailSender(log)
}
