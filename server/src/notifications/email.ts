// E-mail for inbox notifications. No SMTP client is installed, so the only sender records that a
// message would go out, by ids only (never an address, a name or the text). An SMTP sender is future
// work: it implements `EmailSender` and is chosen where the automation starts (server.ts).

export interface OutgoingEmail {
  notificationId: string
  userId: string
  kind: string
}

export interface EmailSender {
  send(email: OutgoingEmail): Promise<void>
}

export function loggingEmailSender(log: { info(details: object, message: string): void }): EmailSender {
  return {
    async send(email) {
      log.info(
        { notificationId: email.notificationId, userId: email.userId, kind: email.kind },
        'notification e-mail not sent: no SMTP configured',
      )
    },
  }
}
