import {
  DeclineReasonList,
  DeclineReasonQuery,
  DeclineReasonsUpdate,
  IdParams,
  NewOpening,
  NewReferral,
  Opening,
  OpeningCandidateList,
  OpeningList,
  OpeningQuery,
  ReferralCancellation,
  ReferralDecline,
  ReferralDetail,
  ReferralEnrollment,
  ReferralList,
  ReferralQuery,
  ReferralRequestAnswer,
  ReferralRules,
  ReferralStatusNote,
  ReferralTimerSettings,
} from '@threshold/core'
import type { z } from 'zod'
import type { RoutePlugin } from '../http/app-context'
import { registerLiveStream } from '../live/live-stream'
import { createReferral } from './create-referral'
import { listDeclineReasons, replaceDeclineReasons } from './decline-reasons'
import { enrollReferral } from './enroll-referral'
import { getReferral, listReferrals } from './get-referral'
import { listOpeningCandidates } from './list-opening-candidates'
import { closeOpening, createOpening, getOpening, listOpenings, requestReferral } from './openings'
import { assertCanFollowReferrals, ReferralEventsQuery, referralEventFilter } from './referral-events'
import { getReferralRules, replaceReferralRules } from './referral-rules'
import { getReferralTimers, replaceReferralTimers } from './referral-timers'
import { acceptReferral, acknowledgeReferral, cancelReferral, declineReferral } from './referral-transitions'
import { REFERRALS_CHANNEL, type ReferralContext } from './referrals.repository'

/** Openings and closed-loop referrals (Coordinated Entry → housing provider → enrollment). */
export const referralRoutes: RoutePlugin = (app, deps) => {
  const tags = ['referrals']
  const context = (request: { actor: ReferralContext['actor'] }): ReferralContext => ({
    db: deps.database.db,
    actor: request.actor,
    clock: deps.clock,
  })

  app.get(
    '/api/openings',
    {
      schema: {
        tags,
        summary: "The CoC's open openings",
        querystring: OpeningQuery,
        response: { 200: OpeningList },
      },
    },
    (request) => listOpenings(context(request), request.query),
  )
  app.post(
    '/api/openings',
    {
      schema: {
        tags,
        summary: 'Post an opening for a project (its agency, or Coordinated Entry on its behalf)',
        body: NewOpening,
        response: { 201: Opening },
      },
    },
    async (request, reply) => reply.status(201).send(await createOpening(context(request), request.body)),
  )
  app.get(
    '/api/openings/:id',
    { schema: { tags, summary: 'An opening', params: IdParams, response: { 200: Opening } } },
    (request) => getOpening(context(request), request.params.id),
  )
  app.post(
    '/api/openings/:id/close',
    {
      schema: {
        tags,
        summary: 'Stop taking referrals to an opening',
        params: IdParams,
        response: { 200: Opening },
      },
    },
    (request) => closeOpening(context(request), request.params.id),
  )
  app.post(
    '/api/openings/:id/request-referral',
    {
      schema: {
        tags,
        summary: 'Ask Coordinated Entry for a referral to your opening (CE managers are notified)',
        params: IdParams,
        response: { 200: ReferralRequestAnswer },
      },
    },
    (request) => requestReferral(context(request), request.params.id),
  )
  app.get(
    '/api/openings/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Queued households CE could refer to the opening, best first, with why',
        params: IdParams,
        response: { 200: OpeningCandidateList },
      },
    },
    (request) => listOpeningCandidates(context(request), request.params.id),
  )

  app.get(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'Referrals you may see: incoming to your agency, or outgoing (CE: the whole CoC)',
        querystring: ReferralQuery,
        response: { 200: ReferralList },
      },
    },
    (request) => listReferrals(context(request), request.query),
  )
  app.post(
    '/api/referrals',
    {
      schema: {
        tags,
        summary:
          'Refer a CE household to an opening, or refer a household directly from your project to one that accepts direct referrals (409 when the opening is full or the household already has one)',
        body: NewReferral,
        response: { 201: ReferralDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await createReferral(context(request), request.body)),
  )
  app.get(
    '/api/referrals/decline-reasons',
    {
      schema: {
        tags,
        summary: "The CoC's decline reasons (includeInactive=true: the retired ones too, after the active)",
        querystring: DeclineReasonQuery,
        response: { 200: DeclineReasonList },
      },
    },
    (request) => listDeclineReasons(context(request), request.query),
  )
  app.put(
    '/api/referrals/decline-reasons',
    {
      schema: {
        tags,
        summary: "Replace the CoC's decline reasons and their consequences (CoC admins)",
        body: DeclineReasonsUpdate,
        response: { 200: DeclineReasonList },
      },
    },
    (request) => replaceDeclineReasons(context(request), request.body),
  )
  app.get(
    '/api/referrals/timers',
    {
      schema: {
        tags,
        summary: "The CoC's referral timers by project type (built-in defaults where none is set)",
        response: { 200: ReferralTimerSettings },
      },
    },
    (request) => getReferralTimers(context(request)),
  )
  app.put(
    '/api/referrals/timers',
    {
      schema: {
        tags,
        summary: "Replace the CoC's referral timers (CoC admins)",
        body: ReferralTimerSettings,
        response: { 200: ReferralTimerSettings },
      },
    },
    (request) => replaceReferralTimers(context(request), request.body),
  )
  app.get(
    '/api/referrals/rules',
    {
      schema: {
        tags,
        summary: "The CoC's referral rules (one active referral per program type: on unless turned off)",
        response: { 200: ReferralRules },
      },
    },
    (request) => getReferralRules(context(request)),
  )
  app.put(
    '/api/referrals/rules',
    {
      schema: {
        tags,
        summary: "Change the CoC's referral rules (CoC admins)",
        body: ReferralRules,
        response: { 200: ReferralRules },
      },
    },
    (request) => replaceReferralRules(context(request), request.body),
  )
  app.get(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'A referral with its history',
        params: IdParams,
        response: { 200: ReferralDetail },
      },
    },
    (request) => getReferral(context(request), request.params.id),
  )
  app.get(
    '/api/referrals/:id/history',
    {
      schema: {
        tags,
        summary: "A referral's status changes",
        params: IdParams,
        response: { 200: ReferralDetail.shape.history },
      },
    },
    async (request) => (await getReferral(context(request), request.params.id)).history,
  )

  const step = <Body extends z.ZodType>(
    path: string,
    summary: string,
    body: Body,
    run: (context: ReferralContext, id: string, body: NonNullable<z.infer<Body>>) => Promise<ReferralDetail>,
  ) =>
    app.post(
      `/api/referrals/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: ReferralDetail } } },
      (request) =>
        run(context(request), request.params.id, (request.body ?? {}) as NonNullable<z.infer<Body>>),
    )
  // Acknowledging and accepting need no body (a note is optional).
  const noteOnly = ReferralStatusNote.nullish()
  step(
    'acknowledge',
    'The receiving agency has started outreach to the household',
    noteOnly,
    acknowledgeReferral,
  )
  step('accept', 'The receiving agency accepts the household', noteOnly, acceptReferral)
  step(
    'decline',
    'Declined by the provider (reason required), by the client, or no contact; the reason decides the queue consequence',
    ReferralDecline,
    declineReferral,
  )
  step(
    'enroll',
    'Enroll the referred household in the project and close the loop',
    ReferralEnrollment,
    enrollReferral,
  )
  step('cancel', 'Cancel (vacancy filled otherwise, entered in error)', ReferralCancellation, cancelReferral)

  registerLiveStream(app, deps, {
    url: '/api/referrals/events',
    tags,
    summary:
      'Live changes of the referrals you may see (text/event-stream of { referralId, status }); referralId follows one',
    querystring: ReferralEventsQuery,
    channel: REFERRALS_CHANNEL,
    canSubscribe: (request) => assertCanFollowReferrals(context(request), request.query),
    filter: referralEventFilter(deps.database.db),
  })
}
