import { ROLES } from '@threshold/core'
import { describe, expect, it } from 'vitest'
import { systemActor } from './actor'
import { canSeeCeWorkflow, canWorkOnCeWorkflow, isCeUserOfCoc } from './ce-workflow-policy'
import { testUserActor } from './client-access.fixtures'
import type { ClientAccessFacts } from './client-policy'

const COC = 'coc-1'
const NORTH = 'org-north-access'
const SOUTH = 'org-south-access'
const SHELTER = 'org-shelter'
const ceCoc = { cocId: COC, ceOperatingOrganizationIds: [NORTH, SOUTH] }

const client = (overrides: Partial<ClientAccessFacts> = {}): ClientAccessFacts => ({
  cocId: COC,
  ownerOrganizationId: NORTH,
  restriction: 'open',
  identityReleased: false,
  projectDataReleased: false,
  ...overrides,
})
const workflow = (clientFacts: ClientAccessFacts) => ({
  ...ceCoc,
  headEnrollment: { ownerOrganizationId: NORTH, client: clientFacts },
})

describe('isCeUserOfCoc', () => {
  it('counts CE managers and case managers of agencies operating a CE project, in that CoC only', () => {
    const ceUsers = ROLES.filter((role) => isCeUserOfCoc(testUserActor(role, SOUTH, COC), ceCoc))
    expect(ceUsers).toEqual(['ce_manager', 'case_manager'])
    expect(isCeUserOfCoc(testUserActor('case_manager', SHELTER, COC), ceCoc)).toBe(false)
    expect(isCeUserOfCoc(testUserActor('ce_manager', SHELTER, COC), ceCoc)).toBe(true)
    expect(isCeUserOfCoc(testUserActor('ce_manager', NORTH, 'coc-2'), ceCoc)).toBe(false)
    expect(isCeUserOfCoc(systemActor, ceCoc)).toBe(false)
  })
})

describe('canWorkOnCeWorkflow', () => {
  it('lets a CE user of another agency resume the workflow only under a project-data release', () => {
    const south = testUserActor('case_manager', SOUTH, COC)
    expect(canWorkOnCeWorkflow(south, workflow(client()))).toBe(false)
    expect(canWorkOnCeWorkflow(south, workflow(client({ identityReleased: true })))).toBe(false)
    expect(canWorkOnCeWorkflow(south, workflow(client({ projectDataReleased: true })))).toBe(true)
    expect(
      canWorkOnCeWorkflow(
        south,
        workflow(client({ restriction: 'confidential', projectDataReleased: true })),
      ),
    ).toBe(false)
  })

  it('lets the enrolling agency’s case manager work on it, never its analyst or a housing provider', () => {
    expect(canWorkOnCeWorkflow(testUserActor('case_manager', NORTH, COC), workflow(client()))).toBe(true)
    expect(canWorkOnCeWorkflow(testUserActor('analyst', NORTH, COC), workflow(client()))).toBe(false)
    const provider = testUserActor('housing_provider', SHELTER, COC)
    const released = workflow(client({ projectDataReleased: true }))
    expect(canSeeCeWorkflow(provider, released)).toBe(true)
    expect(canWorkOnCeWorkflow(provider, released)).toBe(false)
    expect(canSeeCeWorkflow(provider, workflow(client()))).toBe(false)
  })
})
