import {
  Availability,
  Bed,
  BedExpectedVacancy,
  BedOffline,
  ClientBar,
  ClientBarList,
  ExpectedVacancy,
  Facility,
  FacilityBoard,
  FacilityList,
  IdParams,
  Inventory,
  NewBed,
  NewBedOffline,
  NewClientBar,
  NewFacility,
  NewHouseholdStay,
  NewReservation,
  NewStay,
  Reservation,
  Stay,
  StayList,
  StayMove,
} from '@threshold/core'
import type { RoutePlugin } from '../http/app-context'
import { registerLiveStream } from '../live/live-stream'
import { addBed } from './add-bed'
import { BEDS_CHANNEL } from './beds.repository'
import { bringBedOnline } from './bring-bed-online'
import { cancelReservation } from './cancel-reservation'
import { checkIn } from './check-in'
import { checkOut } from './check-out'
import { createClientBar } from './create-client-bar'
import { createFacility } from './create-facility'
import { createReservation } from './create-reservation'
import { endClientBar } from './end-client-bar'
import { getAvailability } from './get-availability'
import { getFacility } from './get-facility'
import { getFacilityBoard } from './get-facility-board'
import { getProjectInventory } from './get-project-inventory'
import { listClientBars } from './list-client-bars'
import { listFacilities } from './list-facilities'
import { moveStay } from './move-stay'
import { setExpectedVacancy } from './set-expected-vacancy'
import { takeBedOffline } from './take-bed-offline'

export const bedRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const { clock } = deps
  const tags = ['beds']

  app.get(
    '/api/facilities',
    { schema: { tags, summary: 'Facilities whose bed board you can open', response: { 200: FacilityList } } },
    (request) => listFacilities({ db, actor: request.actor }),
  )
  app.post(
    '/api/facilities',
    {
      schema: {
        tags,
        summary: "Add a facility (CoC administrators, or the agency's administrators)",
        body: NewFacility,
        response: { 201: Facility },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createFacility({ db, actor: request.actor, input: request.body })),
  )
  app.post(
    '/api/facilities/:id/beds',
    {
      schema: {
        tags,
        summary: 'Add a bed to a facility, in its room or unit',
        params: IdParams,
        body: NewBed,
        response: { 201: Bed },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addBed({ db, actor: request.actor, facilityId: request.params.id, input: request.body })),
  )
  app.get(
    '/api/facilities/:id',
    { schema: { tags, summary: 'One facility', params: IdParams, response: { 200: Facility } } },
    (request) => getFacility({ db, actor: request.actor, id: request.params.id }),
  )
  app.get(
    '/api/facilities/:id/beds',
    {
      schema: {
        tags,
        summary: 'The facility board: every bed and its state, with resident names where you may see them',
        params: IdParams,
        response: { 200: FacilityBoard },
      },
    },
    (request) => getFacilityBoard({ db, actor: request.actor, clock, id: request.params.id }),
  )
  registerLiveStream(app, deps, {
    url: '/api/facilities/:id/events',
    tags,
    summary: 'Live changes to the facility board (text/event-stream of { facilityId, bedId, version })',
    params: IdParams,
    channel: BEDS_CHANNEL,
    canSubscribe: async (request) => {
      await getFacility({ db, actor: request.actor, id: request.params.id })
    },
    filter: (payload, request) => payload.facilityId === request.params.id,
  })
  app.get(
    '/api/availability',
    {
      schema: {
        tags,
        summary: 'Beds available tonight across your CoC, by facility, project type and household type',
        response: { 200: Availability },
      },
    },
    (request) => getAvailability({ db, actor: request.actor, clock }),
  )
  app.get(
    '/api/projects/:id/inventory',
    {
      schema: {
        tags,
        summary: "HUD Inventory rows (2.07) derived from the project's beds",
        params: IdParams,
        response: { 200: Inventory },
      },
    },
    (request) => getProjectInventory({ db, actor: request.actor, projectId: request.params.id }),
  )

  app.post(
    '/api/stays',
    {
      schema: {
        tags,
        summary: 'Check a client into a bed (needs an open enrollment in the bed’s project)',
        body: NewStay,
        response: { 201: Stay },
      },
    },
    async (request, reply) => {
      const stays = await checkIn({ db, actor: request.actor, clock, members: [request.body] })
      return reply.status(201).send(stays[0] as Stay)
    },
  )
  app.post(
    '/api/stays/household',
    {
      schema: {
        tags,
        summary: 'Check several household members into beds at once: all of them or none',
        body: NewHouseholdStay,
        response: { 201: StayList },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ items: await checkIn({ db, actor: request.actor, clock, members: request.body.members }) }),
  )
  app.post(
    '/api/stays/:id/check-out',
    { schema: { tags, summary: 'Check a resident out now', params: IdParams, response: { 200: Stay } } },
    (request) => checkOut({ db, actor: request.actor, clock, stayId: request.params.id }),
  )
  app.post(
    '/api/stays/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a resident to another bed of the same project (the stay history keeps both)',
        params: IdParams,
        body: StayMove,
        response: { 200: Stay },
      },
    },
    (request) =>
      moveStay({ db, actor: request.actor, clock, stayId: request.params.id, toBedId: request.body.toBedId }),
  )
  app.post(
    '/api/stays/:id/expected-vacancy',
    {
      schema: {
        tags,
        summary: 'Set or clear the day the resident is expected to leave (the bed then accepts referrals)',
        params: IdParams,
        body: ExpectedVacancy,
        response: { 200: BedExpectedVacancy },
      },
    },
    (request) =>
      setExpectedVacancy({ db, actor: request.actor, clock, stayId: request.params.id, input: request.body }),
  )
  app.post(
    '/api/reservations',
    {
      schema: {
        tags,
        summary: 'Hold a facility, unit or bed for a household',
        body: NewReservation,
        response: { 201: Reservation },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createReservation({ db, actor: request.actor, clock, input: request.body })),
  )
  app.post(
    '/api/reservations/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an active reservation',
        params: IdParams,
        response: { 200: Reservation },
      },
    },
    (request) => cancelReservation({ db, actor: request.actor, clock, id: request.params.id }),
  )
  app.post(
    '/api/beds/:id/offline',
    {
      schema: {
        tags,
        summary: 'Take an empty bed out of service until a time (or until further notice)',
        params: IdParams,
        body: NewBedOffline,
        response: { 201: BedOffline },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await takeBedOffline({
          db,
          actor: request.actor,
          clock,
          bedId: request.params.id,
          input: request.body,
        }),
      ),
  )
  app.post(
    '/api/beds/:id/online',
    {
      schema: {
        tags,
        summary: 'Bring an offline bed back into service now',
        params: IdParams,
        response: { 200: BedOffline },
      },
    },
    (request) => bringBedOnline({ db, actor: request.actor, clock, bedId: request.params.id }),
  )

  app.get(
    '/api/clients/:id/bars',
    {
      schema: { tags, summary: "A client's bars", params: IdParams, response: { 200: ClientBarList } },
    },
    (request) => listClientBars({ db, actor: request.actor, clock, clientId: request.params.id }),
  )
  app.post(
    '/api/clients/:id/bars',
    {
      schema: {
        tags,
        summary: 'Bar a client from a project, facility or service',
        params: IdParams,
        body: NewClientBar,
        response: { 201: ClientBar },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createClientBar({
          db,
          actor: request.actor,
          clock,
          clientId: request.params.id,
          input: request.body,
        }),
      ),
  )
  app.post(
    '/api/bars/:id/end',
    { schema: { tags, summary: 'End a bar now', params: IdParams, response: { 200: ClientBar } } },
    (request) => endClientBar({ db, actor: request.actor, clock, id: request.params.id }),
  )
}
