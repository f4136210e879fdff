import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app'
import { runReferralTimers } from '../referrals/referral-automation'
import { buildReferralWorld, queuedHousehold, type ReferralWorld } from '../referrals/referrals.fixtures'
import { type EmailLog, smtpEmailSender } from './email'
import { MAX_EMAIL_ATTEMPTS } from './email-outbox'

// Notification e-mails through a real SMTP conversation with a tiny in-test server.

interface ReceivedMail {
  from: string
  to: string[]
  data: string
}

/** Speaks just enough SMTP; `rcptReply` decides the answer to each RCPT TO. */
function startSmtpServer(rcptReply: () => string = () => '250 2.1.5 Ok') {
  const received: ReceivedMail[] = []
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8')
    let buffer = ''
    let inData = false
    let mail: ReceivedMail = { from: '', to: [], data: '' }
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 smtp.test ESMTP')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end === -1) return
          received.push({ ...mail, data: buffer.slice(0, end) })
          mail = { from: '', to: [], data: '' }
          buffer = buffer.slice(end + 5)
          inData = false
          reply('250 2.0.0 Queued')
          continue
        }
        const lineEnd = buffer.indexOf('\r\n')
        if (lineEnd === -1) return
        const line = buffer.slice(0, lineEnd)
        buffer = buffer.slice(lineEnd + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') reply('250 smtp.test')
        else if (verb === 'MAIL') {
          mail.from = line.slice(10)
          reply('250 2.1.0 Ok')
        } else if (verb === 'RCPT') {
          const answer = rcptReply()
          if (answer.startsWith('250')) mail.to.push(line.slice(8))
          reply(answer)
        } else if (verb === 'DATA') {
          inData = true
          reply('354 End data with <CR><LF>.<CR><LF>')
        } else if (verb === 'RSET') {
          mail = { from: '', to: [], data: '' }
          reply('250 2.0.0 Ok')
        } else if (verb === 'QUIT') socket.end('221 2.0.0 Bye\r\n')
        else reply('502 5.5.2 Command not recognized')
      }
    })
    socket.on('error', () => undefined)
  })
  return new Promise<{ port: number; received: ReceivedMail[]; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        received,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

/** Headers unfolded (a long subject is folded over lines). */
const unfolded = (data: string) => data.replace(/\r\n(?=[ \t])/g, '')

function recordingLog() {
  const lines: { level: string; details: object; message: string }[] = []
  const log: EmailLog = {
    info: (details, message) => lines.push({ level: 'info', details, message }),
    warn: (details, message) => lines.push({ level: 'warn', details, message }),
  }
  return { log, lines }
}

let t: TestApp
let world: ReferralWorld
const PROVIDER_ADDRESS = 'rapid.homes.intake@example.org'

beforeAll(async () => {
  t = await createTestApp()
  world = await buildReferralWorld(t)
  await t.db
    .updateTable('app_user')
    .set({ email: PROVIDER_ADDRESS })
    .where('id', '=', world.provider.id)
    .execute()
})
afterAll(() => t.close())

async function referHousehold(name: string, projectId = world.rrhProjectId) {
  const household = await queuedHousehold(world, name, { members: 2 })
  const opening = await t.request({
    method: 'POST',
    url: '/api/openings',
    cookie: world.ceManager.cookie,
    payload: { projectId, availableOn: t.clock.now().toISOString().slice(0, 10) },
  })
  expect(opening.statusCode, opening.body).toBe(201)
  const referral = await t.request({
    method: 'POST',
    url: '/api/referrals',
    cookie: world.ceManager.cookie,
    payload: { openingId: opening.json().id, ceEnrollmentId: household.ceEnrollmentId },
  })
  expect(referral.statusCode, referral.body).toBe(201)
  return { household, referralId: referral.json().id as string }
}

const providerNotification = (referralId: string) =>
  t.db
    .selectFrom('notification')
    .selectAll()
    .where('referral_id', '=', referralId)
    .where('user_id', '=', world.provider.id)
    .executeTakeFirstOrThrow()

describe('notification e-mail through SMTP', () => {
  it('sends the new-referral notice to the provider: its subject and text, no client details', async () => {
    const smtp = await startSmtpServer()
    const { log, lines } = recordingLog()
    try {
      const { household, referralId } = await referHousehold('Mailfamily')
      const email = smtpEmailSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'hmis@coc.test', log })
      await runReferralTimers({ db: t.db, clock: t.clock, email })

      const notification = await providerNotification(referralId)
      expect(notification.emailed_at).not.toBeNull()
      const toProvider = smtp.received.filter((mail) => mail.to.some((to) => to.includes(PROVIDER_ADDRESS)))
      expect(toProvider).toHaveLength(1)
      const data = unfolded((toProvider[0] as ReceivedMail).data)
      expect(data).toContain(`Subject: [Threshold] New referral: ${notification.message}`)
      expect(data).toContain(notification.message)
      expect(notification.message).toContain('Rapid Homes RRH')
      const clients = await t.db
        .selectFrom('client')
        .select(['id', 'first_name', 'last_name', 'dob'])
        .where('id', 'in', household.clientIds)
        .execute()
      for (const client of clients) {
        for (const value of [client.id, client.first_name, client.last_name, client.dob])
          expect(data).not.toContain(value as string)
      }
      expect(data).not.toContain('Queued')
      // Logs name the user and the kind, never the address or the text.
      const logged = JSON.stringify(lines)
      expect(logged).toContain(world.provider.id)
      expect(logged).not.toContain(PROVIDER_ADDRESS)
      expect(logged).not.toContain('Rapid Homes')

      // Sent once: the next pass does not send it again.
      await runReferralTimers({ db: t.db, clock: t.clock, email })
      expect(
        smtp.received.filter((mail) => mail.to.some((to) => to.includes(PROVIDER_ADDRESS))),
      ).toHaveLength(1)
    } finally {
      await smtp.close()
    }
  })

  it('records a refused send, keeps the automation running and retries on the next pass', async () => {
    let refuse = true
    const smtp = await startSmtpServer(() => (refuse ? '451 4.3.0 Try again later' : '250 2.1.5 Ok'))
    const { log, lines } = recordingLog()
    try {
      const { referralId } = await referHousehold('Retryfamily', world.otherRrhProjectId)
      await t.db
        .updateTable('app_user')
        .set({ email: 'other.rrh@example.org' })
        .where('id', '=', world.otherProvider.id)
        .execute()
      const email = smtpEmailSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'hmis@coc.test', log })
      await expect(runReferralTimers({ db: t.db, clock: t.clock, email })).resolves.toBeDefined()
      const failed = await t.db
        .selectFrom('notification')
        .selectAll()
        .where('referral_id', '=', referralId)
        .where('user_id', '=', world.otherProvider.id)
        .executeTakeFirstOrThrow()
      expect(failed.emailed_at).toBeNull()
      expect(failed.email_attempts).toBe(1)
      expect(failed.email_error).toMatch(/451|EENVELOPE/)
      expect(failed.email_error).not.toContain('@')
      const warning = lines.find((line) => line.level === 'warn')
      expect(warning?.details).toMatchObject({ userId: world.otherProvider.id, kind: 'referral_received' })
      expect(JSON.stringify(lines)).not.toContain('other.rrh@example.org')

      refuse = false
      await runReferralTimers({ db: t.db, clock: t.clock, email })
      const retried = await t.db
        .selectFrom('notification')
        .selectAll()
        .where('id', '=', failed.id)
        .executeTakeFirstOrThrow()
      expect(retried.emailed_at).not.toBeNull()
      expect(retried.email_attempts).toBe(2)
      expect(retried.email_error).toBeNull()
      expect(smtp.received.some((mail) => mail.to.some((to) => to.includes('other.rrh@example.org')))).toBe(
        true,
      )
    } finally {
      await smtp.close()
    }
  })

  it('gives up after the last attempt when the server cannot be reached, without throwing', async () => {
    const { referralId } = await referHousehold('Unreachablefamily')
    const closed = await startSmtpServer()
    await closed.close()
    const { log } = recordingLog()
    const email = smtpEmailSender({ url: `smtp://127.0.0.1:${closed.port}`, from: 'hmis@coc.test', log })
    for (let pass = 0; pass < MAX_EMAIL_ATTEMPTS + 1; pass++)
      await expect(runReferralTimers({ db: t.db, clock: t.clock, email })).resolves.toBeDefined()
    const notification = await providerNotification(referralId)
    expect(notification.emailed_at).toBeNull()
    expect(notification.email_attempts).toBe(MAX_EMAIL_ATTEMPTS)
    expect(notification.email_error).toMatch(/^(ESOCKET|ECONNECTION|ECONNREFUSED)$/)
  })
})
