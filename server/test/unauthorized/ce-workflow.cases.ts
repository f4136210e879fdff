import { insertTestCeProject, insertTestCeWorkflow } from '../../src/ce-workflow/ce-workflow.fixtures'
import type { Restriction } from '../../src/clients/client.tables'
import { insertTestClient } from '../../src/households/household.fixtures'
import type { Fixture, FixtureOrganization, UnauthorizedCase } from './fixture'

// Coordinated Entry workflows and CE assessments are project data of the head of household: another agency
// without a project-data release, and anyone of another CoC, gets 404. An agency admin of the enrolling
// agency sees the workflow but is no CE user: 403 on every change.

let last = {
  workflowId: '',
  enrollmentId: '',
  householdId: '',
  assessmentId: '',
  clientId: '',
  documentId: '',
}

async function ceWorkflowOf(f: Fixture, owner: FixtureOrganization, restriction: Restriction = 'open') {
  const clientId = await insertTestClient(f.t.db, {
    cocId: owner.cocId,
    ownerOrganizationId: owner.id,
    firstName: 'Guarded',
    lastName: 'Assessment',
    dob: '1979-03-04',
    restriction,
  })
  const projectId = await insertTestCeProject(f.t.db, owner, `CE of ${owner.name} ${clientId.slice(0, 8)}`)
  const userId = await f.newUser(owner, 'case_manager')
  const created = await insertTestCeWorkflow(f.t.db, { organization: owner, projectId, clientId, userId })
  const document = await f.t.db
    .insertInto('ce_document')
    .values({
      workflow_id: created.workflowId,
      enrollment_household_id: created.householdId,
      document_type: 'identification',
      file_name: 'guarded-id.pdf',
      content_type: 'application/pdf',
      size_bytes: 5,
      content: Buffer.from('%PDF-'),
      owner_organization_id: owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  last = { ...created, clientId, documentId: document.id }
  return last
}

const readWorkflow = async (f: Fixture, _id: string) => ({
  workflow: await f.t.db
    .selectFrom('ce_workflow')
    .selectAll()
    .where('id', '=', last.workflowId)
    .executeTakeFirst(),
  // Step names ('enrollment'…) are words any 404 message may use: compare versions and drafts only.
  steps: await f.t.db
    .selectFrom('ce_workflow_step')
    .select(['version', 'draft', 'updated_at'])
    .where('workflow_id', '=', last.workflowId)
    .orderBy('step')
    .execute(),
  assessments: await f.t.db
    .selectFrom('ce_assessment')
    .selectAll()
    .where('enrollment_id', '=', last.enrollmentId)
    .execute(),
  documents: await f.t.db
    .selectFrom('ce_document')
    .select(['id', 'file_name'])
    .where('workflow_id', '=', last.workflowId)
    .execute(),
})

type Target = 'workflowId' | 'enrollmentId' | 'assessmentId' | 'clientId' | 'documentId'
const on = (
  caller: UnauthorizedCase['caller'],
  restriction: Restriction,
  owner: (f: Fixture) => FixtureOrganization,
  method: UnauthorizedCase['method'],
  url: string,
  target: Target,
  payload?: object,
  expect?: UnauthorizedCase['expect'],
): UnauthorizedCase => ({
  target: `${restriction} CE ${target.replace('Id', '')} of ${restriction === 'confidential' ? 'A2' : 'A1'}`,
  method,
  url,
  setup: async (f) => (await ceWorkflowOf(f, owner(f), restriction))[target],
  caller,
  read: readWorkflow,
  ...(payload && { payload }),
  ...(expect && { expect }),
})

const routes = (
  caller: UnauthorizedCase['caller'],
  restriction: Restriction,
  owner: (f: Fixture) => FixtureOrganization,
) => [
  on(caller, restriction, owner, 'GET', '/api/ce-workflows/:id', 'workflowId'),
  on(caller, restriction, owner, 'PUT', '/api/ce-workflows/:id/steps/documents', 'workflowId', {
    version: 1,
    data: {},
  }),
  on(caller, restriction, owner, 'PUT', '/api/ce-workflows/:id/steps/outcome/complete', 'workflowId', {
    version: 1,
    data: { outcome: 'diverted', outcomeDate: '2025-02-01' },
  }),
  on(caller, restriction, owner, 'POST', '/api/ce-workflows/:id/pause', 'workflowId'),
  on(caller, restriction, owner, 'POST', '/api/ce-workflows/:id/resume', 'workflowId'),
  on(
    caller,
    restriction,
    owner,
    'POST',
    '/api/ce-workflows/:id/documents?documentType=other',
    'workflowId',
    {},
  ),
  on(caller, restriction, owner, 'GET', '/api/enrollments/:id/ce-assessments', 'enrollmentId'),
  on(caller, restriction, owner, 'GET', '/api/ce-assessments/:id', 'assessmentId'),
  on(caller, restriction, owner, 'GET', '/api/ce-documents/:id', 'documentId'),
  on(caller, restriction, owner, 'GET', '/api/clients/:id/ce-workflows', 'clientId'),
]

const a1 = (f: Fixture) => f.orgA1
const a2 = (f: Fixture) => f.orgA2
const forbidden = (method: UnauthorizedCase['method'], url: string, payload?: object) =>
  on('agencyAdminA1', 'open', a1, method, url, 'workflowId', payload, 'forbidden')

const cases: UnauthorizedCase[] = [
  ...routes('caseManagerA2', 'open', a1),
  ...routes('cocAdminB', 'open', a1),
  ...routes('cocAdminA', 'confidential', a2),
  forbidden('PUT', '/api/ce-workflows/:id/steps/documents', { version: 1, data: {} }),
  forbidden('POST', '/api/ce-workflows/:id/pause'),
  forbidden('POST', '/api/ce-workflows/:id/documents?documentType=other', {}),
]

export default cases
