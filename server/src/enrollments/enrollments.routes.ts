import {
  CurrentLivingSituationList,
  Enrollment,
  EnrollmentAssessmentList,
  EnrollmentHouseholdExit,
  EnrollmentList,
  EnrollmentMemberExit,
  EnrollmentMemberParams,
  EnrollmentPatch,
  IdParams,
  NewCurrentLivingSituation,
  NewEnrollment,
  NewEnrollmentAssessment,
  NewEnrollmentHouseholdMember,
  ProjectDataQuality,
} from '@threshold/core'
import type { Actor } from '../access/actor'
import { todayFrom } from '../access/client-visibility'
import type { RoutePlugin } from '../http/app-context'
import { addEnrollmentMember } from './add-enrollment-member'
import { listCurrentLivingSituations, recordCurrentLivingSituation } from './current-living-situations'
import { enrollHousehold } from './enroll-household'
import type { EnrollmentContext } from './enrollment-access'
import { exitEnrollmentHousehold } from './exit-enrollment-household'
import { exitEnrollmentMember } from './exit-enrollment-member'
import { getEnrollment } from './get-enrollment'
import { getProjectDataQuality } from './get-project-data-quality'
import { listClientEnrollments } from './list-client-enrollments'
import { listAssessments, recordAssessment } from './record-assessment'
import { updateEnrollment } from './update-enrollment'

export const enrollmentRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['enrollments']
  const context = (request: { actor: Actor }): EnrollmentContext => ({
    db,
    actor: request.actor,
    today: todayFrom(deps.clock),
    now: deps.clock.now(),
  })

  app.post(
    '/api/enrollments',
    {
      schema: {
        tags,
        summary: 'Enroll a household in a project (one enrollment per member, one head of household)',
        body: NewEnrollment,
        response: { 201: EnrollmentList },
      },
    },
    async (request, reply) => reply.status(201).send(await enrollHousehold(context(request), request.body)),
  )

  app.get(
    '/api/enrollments/:id',
    {
      schema: {
        tags,
        summary: 'An enrollment with its household, annual assessment window and data-quality gaps',
        params: IdParams,
        response: { 200: Enrollment },
      },
    },
    (request) => getEnrollment(context(request), request.params.id),
  )

  app.get(
    '/api/clients/:id/enrollments',
    {
      schema: {
        tags,
        summary: "A client's enrollments, open and past, that you may see",
        params: IdParams,
        response: { 200: EnrollmentList },
      },
    },
    (request) => listClientEnrollments(context(request), request.params.id),
  )

  app.patch(
    '/api/enrollments/:id',
    {
      schema: {
        tags,
        summary: 'Correct an enrollment (409 when it changed since `version`)',
        params: IdParams,
        body: EnrollmentPatch,
        response: { 200: Enrollment },
      },
    },
    (request) => updateEnrollment(context(request), request.params.id, request.body),
  )

  app.post(
    '/api/enrollments/:id/members',
    {
      schema: {
        tags,
        summary: "Add a member to this enrollment's household on their own start date",
        params: IdParams,
        body: NewEnrollmentHouseholdMember,
        response: { 201: Enrollment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addEnrollmentMember(context(request), request.params.id, request.body)),
  )

  app.post(
    '/api/enrollments/:id/members/:clientId/exit',
    {
      schema: {
        tags,
        summary: 'One member leaves the household before the others',
        params: EnrollmentMemberParams,
        body: EnrollmentMemberExit,
        response: { 200: Enrollment },
      },
    },
    (request) =>
      exitEnrollmentMember(context(request), request.params.id, request.params.clientId, request.body),
  )

  app.post(
    '/api/enrollment-households/:id/exit',
    {
      schema: {
        tags,
        summary: 'Exit the whole household: one exit date, a destination per member',
        params: IdParams,
        body: EnrollmentHouseholdExit,
        response: { 200: EnrollmentList },
      },
    },
    (request) => exitEnrollmentHousehold(context(request), request.params.id, request.body),
  )

  app.post(
    '/api/enrollments/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Record a data collection stage (income, benefits, insurance, disabilities, DV)',
        params: IdParams,
        body: NewEnrollmentAssessment,
        response: { 201: EnrollmentAssessmentList },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordAssessment(context(request), request.params.id, request.body)),
  )

  app.get(
    '/api/enrollments/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Every data collection stage recorded, latest first',
        params: IdParams,
        response: { 200: EnrollmentAssessmentList },
      },
    },
    (request) => listAssessments(context(request), request.params.id),
  )

  app.post(
    '/api/enrollments/:id/current-living-situations',
    {
      schema: {
        tags,
        summary: 'Record a contact and the current living situation (4.12)',
        params: IdParams,
        body: NewCurrentLivingSituation,
        response: { 201: CurrentLivingSituationList },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordCurrentLivingSituation(context(request), request.params.id, request.body)),
  )

  app.get(
    '/api/enrollments/:id/current-living-situations',
    {
      schema: {
        tags,
        summary: 'Current living situations recorded, latest first',
        params: IdParams,
        response: { 200: CurrentLivingSituationList },
      },
    },
    (request) => listCurrentLivingSituations(context(request), request.params.id),
  )

  app.get(
    '/api/projects/:id/data-quality',
    {
      schema: {
        tags,
        summary: 'Completeness of required elements across the project (HUD APR Q6 style)',
        params: IdParams,
        response: { 200: ProjectDataQuality },
      },
    },
    (request) => getProjectDataQuality(context(request), request.params.id),
  )
}
