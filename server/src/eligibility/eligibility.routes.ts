import {
  AreaMedianIncome,
  CocAreaMedianIncome,
  EligibilityPreview,
  EligibilityPreviewRequest,
  EligibilityRuleSetChange,
  EligiblePrograms,
  IdParams,
  ProjectEligibility,
} from '@threshold/core'
import { todayFrom } from '../access/client-visibility'
import type { RoutePlugin } from '../http/app-context'
import { getAreaMedianIncome, setAreaMedianIncome } from './area-median-income'
import { getProjectEligibility } from './get-project-eligibility'
import { listEligiblePrograms } from './list-eligible-programs'
import { previewProjectEligibility } from './preview-project-eligibility'
import { saveProjectEligibility } from './save-project-eligibility'

/** Eligibility rules of projects, their preview over the queue, a client's eligible programs, the CoC's AMI. */
export const eligibilityRoutes: RoutePlugin = (app, deps) => {
  const { db } = deps.database
  const tags = ['eligibility']

  app.get(
    '/api/projects/:id/eligibility',
    {
      schema: {
        tags,
        summary: "A project's eligibility rules (with plain-language wording) and their edit history",
        params: IdParams,
        response: { 200: ProjectEligibility },
      },
    },
    (request) => getProjectEligibility({ db, actor: request.actor, projectId: request.params.id }),
  )

  app.put(
    '/api/projects/:id/eligibility',
    {
      schema: {
        tags,
        summary:
          "Save a project's rules as a new version (CoC admins; the project's agency admins). 409 if changed since expectedVersion",
        params: IdParams,
        body: EligibilityRuleSetChange,
        response: { 200: ProjectEligibility },
      },
    },
    (request) =>
      saveProjectEligibility({
        db,
        actor: request.actor,
        clock: deps.clock,
        projectId: request.params.id,
        input: request.body,
      }),
  )

  app.post(
    '/api/projects/:id/eligibility/preview',
    {
      schema: {
        tags,
        summary:
          'How many queued households edited rules would let in, against the saved rules (nothing is saved)',
        params: IdParams,
        body: EligibilityPreviewRequest,
        response: { 200: EligibilityPreview },
      },
    },
    (request) =>
      previewProjectEligibility({
        db,
        actor: request.actor,
        projectId: request.params.id,
        input: request.body,
        today: todayFrom(deps.clock),
      }),
  )

  app.get(
    '/api/clients/:id/eligible-programs',
    {
      schema: {
        tags,
        summary:
          "Every project with eligibility rules: pass, fail or unknown for the client's household, and why",
        params: IdParams,
        response: { 200: EligiblePrograms },
      },
    },
    (request) =>
      listEligiblePrograms({
        db,
        actor: request.actor,
        clientId: request.params.id,
        today: todayFrom(deps.clock),
      }),
  )

  app.get(
    '/api/eligibility/area-median-income',
    {
      schema: {
        tags,
        summary: "Your CoC's area median income by household size (null until set)",
        response: { 200: CocAreaMedianIncome },
      },
    },
    (request) => getAreaMedianIncome({ db, actor: request.actor }),
  )

  app.put(
    '/api/eligibility/area-median-income',
    {
      schema: {
        tags,
        summary: "Set your CoC's area median income for household sizes 1–8 (CoC admins)",
        body: AreaMedianIncome,
        response: { 200: CocAreaMedianIncome },
      },
    },
    (request) => setAreaMedianIncome({ db, actor: request.actor, clock: deps.clock, input: request.body }),
  )
}
