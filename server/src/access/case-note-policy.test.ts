import { describe, expect, it } from 'vitest'
import { systemActor } from './actor'
import {
  type CaseNoteAccessFacts,
  canChangeCaseNoteSharing,
  canEditCaseNote,
  canManageServiceCatalogue,
  canSeeCaseNote,
  canSeeServiceCatalogue,
  canUnlockCaseNote,
  canWriteCaseNote,
} from './case-note-policy'
import { testUserActor } from './client-access.fixtures'
import type { ClientAccessFacts } from './client-policy'

const COC = 'coc-1'
const CLIENT_OWNER = 'org-client-owner'
const NOTE_WRITER = 'org-note-writer'
const OUTSIDER = 'org-outsider'

const client = (overrides: Partial<ClientAccessFacts> = {}): ClientAccessFacts => ({
  cocId: COC,
  ownerOrganizationId: CLIENT_OWNER,
  restriction: 'open',
  identityReleased: false,
  projectDataReleased: false,
  ...overrides,
})

const author = testUserActor('case_manager', NOTE_WRITER, COC, 'author')
const note = (overrides: Partial<CaseNoteAccessFacts> = {}): CaseNoteAccessFacts => ({
  // The writing agency worked with the client under a project-data release.
  client: client({ projectDataReleased: true }),
  ownerOrganizationId: NOTE_WRITER,
  authorUserId: author.userId,
  shareable: false,
  sharingEnabled: true,
  ...overrides,
})

describe('case note visibility', () => {
  // Another agency (here: a CoC admin of an outside agency) reads a note only when all three hold.
  const outsider = testUserActor('coc_admin', OUTSIDER, COC)
  const cases: [string, Partial<CaseNoteAccessFacts>, boolean][] = [
    ['not shareable', { shareable: false, client: client({ projectDataReleased: true }) }, false],
    [
      'shareable, setting off',
      { shareable: true, sharingEnabled: false, client: client({ projectDataReleased: true }) },
      false,
    ],
    ['shareable, no release', { shareable: true, client: client({ projectDataReleased: false }) }, false],
    [
      'shareable, release, setting on',
      { shareable: true, client: client({ projectDataReleased: true }) },
      true,
    ],
    [
      'shareable, release, but the client is confidential',
      { shareable: true, client: client({ projectDataReleased: true, restriction: 'confidential' }) },
      false,
    ],
    [
      'shareable, identity-only release',
      { shareable: true, client: client({ identityReleased: true }) },
      false,
    ],
    ['other CoC', { shareable: true, client: client({ projectDataReleased: true, cocId: 'coc-2' }) }, false],
  ]
  for (const [situation, facts, expected] of cases) {
    it(`another agency, ${situation} → ${expected ? 'sees' : 'does not see'}`, () => {
      expect(canSeeCaseNote(outsider, note(facts))).toBe(expected)
    })
  }

  it('the client’s owning agency is "released" by ownership, but still needs the note shared', () => {
    const ownerStaff = testUserActor('agency_admin', CLIENT_OWNER, COC)
    expect(canSeeCaseNote(ownerStaff, note())).toBe(false)
    expect(canSeeCaseNote(ownerStaff, note({ shareable: true }))).toBe(true)
    expect(canSeeCaseNote(ownerStaff, note({ shareable: true, sharingEnabled: false }))).toBe(false)
  })

  it('the writing agency sees its notes while it sees the client’s project data', () => {
    const colleague = testUserActor('housing_provider', NOTE_WRITER, COC)
    expect(canSeeCaseNote(author, note())).toBe(true)
    expect(canSeeCaseNote(colleague, note())).toBe(true)
    expect(canSeeCaseNote(author, note({ client: client({ projectDataReleased: false }) }))).toBe(false)
  })

  it('analysts, the system and other CoCs never read notes', () => {
    expect(canSeeCaseNote(testUserActor('analyst', NOTE_WRITER, COC), note())).toBe(false)
    expect(canSeeCaseNote(systemActor, note({ shareable: true }))).toBe(false)
    expect(canSeeCaseNote(testUserActor('case_manager', NOTE_WRITER, 'coc-2'), note())).toBe(false)
  })
})

describe('case note changes', () => {
  const colleague = testUserActor('case_manager', NOTE_WRITER, COC, 'colleague')
  const agencyAdmin = testUserActor('agency_admin', NOTE_WRITER, COC, 'admin')
  const sharedReader = testUserActor('agency_admin', CLIENT_OWNER, COC, 'reader')
  const shared = note({ shareable: true })
  const rows: [string, ReturnType<typeof testUserActor>, [boolean, boolean, boolean]][] = [
    //                                    edit/lock unlock share
    ['the author', author, [true, true, true]],
    ['a colleague of the author', colleague, [true, false, false]],
    ['an agency admin of the writing agency', agencyAdmin, [true, true, false]],
    ['a reader of the shared note at another agency', sharedReader, [false, false, false]],
  ]
  for (const [who, actor, [edit, unlock, share]] of rows) {
    it(`${who}: edit ${edit}, unlock ${unlock}, change sharing ${share}`, () => {
      expect(canEditCaseNote(actor, shared)).toBe(edit)
      expect(canUnlockCaseNote(actor, shared)).toBe(unlock)
      expect(canChangeCaseNoteSharing(actor, shared)).toBe(share)
    })
  }

  it('writing a note needs the client’s project data and a non-analyst role', () => {
    expect(canWriteCaseNote(testUserActor('case_manager', CLIENT_OWNER, COC), client())).toBe(true)
    expect(canWriteCaseNote(testUserActor('analyst', CLIENT_OWNER, COC), client())).toBe(false)
    expect(canWriteCaseNote(testUserActor('case_manager', OUTSIDER, COC), client())).toBe(false)
    expect(
      canWriteCaseNote(testUserActor('case_manager', OUTSIDER, COC), client({ projectDataReleased: true })),
    ).toBe(true)
  })
})

describe('service catalogues', () => {
  it('catalogues: own agency reads, its agency admins and CoC admins manage', () => {
    const organization = { id: CLIENT_OWNER, cocId: COC }
    const table: [ReturnType<typeof testUserActor>, boolean, boolean][] = [
      [testUserActor('case_manager', CLIENT_OWNER, COC), true, false],
      [testUserActor('agency_admin', CLIENT_OWNER, COC), true, true],
      [testUserActor('agency_admin', OUTSIDER, COC), false, false],
      [testUserActor('coc_admin', OUTSIDER, COC), true, true],
      [testUserActor('coc_admin', OUTSIDER, 'coc-2'), false, false],
    ]
    for (const [actor, see, manage] of table) {
      expect(canSeeServiceCatalogue(actor, organization), `${actor.role} sees`).toBe(see)
      expect(canManageServiceCatalogue(actor, organization), `${actor.role} manages`).toBe(manage)
    }
  })
})
