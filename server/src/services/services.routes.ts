import {
  ClientFinancialAssistance,
  IdParams,
  NewServiceRecord,
  NewServiceType,
  ServiceRecordDeletion,
  ServiceRecordList,
  ServiceType,
  ServiceTypeList,
  ServiceTypePatch,
  ServiceTypeQuery,
} from '@threshold/core'
import { z } from 'zod'
import { todayFrom } from '../access/client-visibility'
import type { RoutePlugin } from '../http/app-context'
import { createServiceType } from './create-service-type'
import { deleteServiceRecord } from './delete-service-record'
import { getClientFinancialAssistance } from './get-client-financial-assistance'
import { listEnrollmentServices } from './list-enrollment-services'
import { listServiceTypes } from './list-service-types'
import { recordServices } from './record-services'
import type { CaseManagementContext } from './service-access'
import { updateServiceType } from './update-service-type'

/** Each agency's service catalogue, services recorded on enrollments, and financial-assistance totals. */
export const serviceRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['services']
  const context = (request: { actor: CaseManagementContext['actor'] }): CaseManagementContext => ({
    db,
    actor: request.actor,
    today: todayFrom(deps.clock),
  })

  app.get(
    '/api/service-types',
    {
      schema: {
        tags,
        summary: "Your agency's service catalogue (CoC administrators: any agency's)",
        querystring: ServiceTypeQuery,
        response: { 200: ServiceTypeList },
      },
    },
    (request) => listServiceTypes(context(request), request.query),
  )

  app.post(
    '/api/service-types',
    {
      schema: {
        tags,
        summary: "Add a service to your agency's catalogue (agency and CoC administrators)",
        body: NewServiceType,
        response: { 201: ServiceType },
      },
    },
    async (request, reply) => reply.status(201).send(await createServiceType(context(request), request.body)),
  )

  app.patch(
    '/api/service-types/:id',
    {
      schema: {
        tags,
        summary: 'Change or deactivate a catalogue entry',
        params: IdParams,
        body: ServiceTypePatch,
        response: { 200: ServiceType },
      },
    },
    (request) => updateServiceType(context(request), request.params.id, request.body),
  )

  app.get(
    '/api/enrollments/:id/services',
    {
      schema: {
        tags,
        summary: 'The services recorded on an enrollment, newest first',
        params: IdParams,
        response: { 200: ServiceRecordList },
      },
    },
    (request) => listEnrollmentServices(context(request), request.params.id),
  )

  app.post(
    '/api/enrollments/:id/services',
    {
      schema: {
        tags,
        summary: 'Record a service on an enrollment, or for its whole household at once',
        params: IdParams,
        body: NewServiceRecord,
        response: { 201: ServiceRecordList },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordServices(context(request), request.params.id, request.body)),
  )

  app.delete(
    '/api/service-records/:id',
    {
      schema: {
        tags,
        summary: 'Delete a service record, with the reason (kept for the audit)',
        params: IdParams,
        body: ServiceRecordDeletion,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteServiceRecord(context(request), request.params.id, request.body.reason)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/clients/:id/financial-assistance',
    {
      schema: {
        tags,
        summary: 'Financial assistance totals by kind, per enrollment and per enrollment household',
        params: IdParams,
        response: { 200: ClientFinancialAssistance },
      },
    },
    (request) => getClientFinancialAssistance(context(request), request.params.id),
  )
}
