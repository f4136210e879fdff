import { ageOnDate } from '../derived-facts/age'
import { chronicallyHomeless, type PriorLivingSituationFacts } from '../derived-facts/chronic-homelessness'
import { daysHomelessPastThreeYears } from '../derived-facts/days-homeless'
import { type DomesticViolenceRecord, fleeingDomesticViolence } from '../derived-facts/domestic-violence'
import { anyMemberFact, type FactValue } from '../derived-facts/fact'
import {
  chronicallyHomelessHousehold,
  type HouseholdType,
  householdType,
  veteranHousehold,
  youthHousehold,
} from '../derived-facts/household'
import { type DocumentEvidence, evaluateDocumentChecklists } from './document-checklist'
import type { QueueProgramTypeValue } from './statuses'

/** One member of the CE enrollment household, as the queue reads it. */
export interface QueueMemberInput {
  dob: string | null
  veteranStatus: number | null
  relationshipToHoh: number
  entryDate: string
  projectType: number
  disablingCondition: number | null
  priorLivingSituation: PriorLivingSituationFacts | null
  /** The member's latest 4.11 record, if any. */
  domesticViolence: DomesticViolenceRecord | null
}

export interface QueueHouseholdInput {
  /** Members still enrolled (all members when every one has exited). */
  members: readonly QueueMemberInput[]
  latestAssessment: { score: number | null; assessmentDate: string } | null
  lastCurrentLivingSituationDate: string | null
  documentKinds: readonly string[]
}

export interface QueueHouseholdFacts {
  ceStartDate: string
  householdType: HouseholdType
  householdSize: number
  chronic: FactValue
  veteran: FactValue
  youth: FactValue
  fleeingDv: FactValue
  daysHomeless: number | null
  score: number | null
  assessmentDate: string | null
  lastClsDate: string | null
  disabilityVerified: boolean
  documentsCompleteFor: QueueProgramTypeValue[]
  missingDocuments: Partial<Record<QueueProgramTypeValue, string[]>>
}

const HEAD_OF_HOUSEHOLD = 1

/** The facts a queued household is ranked and filtered by, as of one day (derived-facts rules throughout). */
export function queueHouseholdFacts(input: QueueHouseholdInput, asOf: string): QueueHouseholdFacts {
  const members = input.members
  const head = members.find((member) => member.relationshipToHoh === HEAD_OF_HOUSEHOLD) ?? members[0]
  const memberFacts = members.map((member) => ({
    dob: member.dob,
    relationshipToHoh: member.relationshipToHoh,
    veteranStatus: member.veteranStatus,
    chronic: chronicallyHomeless(member),
  }))
  const daysHomeless = daysHomelessPastThreeYears(head?.priorLivingSituation ?? null, asOf).days
  const disabilityVerified = input.documentKinds.includes('disability_verification')
  const checklists = evaluateDocumentChecklists({
    documentKinds: input.documentKinds,
    hasAssessment: input.latestAssessment !== null,
  } satisfies DocumentEvidence)
  return {
    ceStartDate: members.map((member) => member.entryDate).sort()[0] ?? asOf,
    householdType: householdType(members, asOf),
    householdSize: members.length,
    chronic: chronicallyHomelessHousehold(memberFacts, asOf).value,
    veteran: veteranHousehold(memberFacts, asOf).value,
    youth: youthHousehold(memberFacts, asOf).value,
    fleeingDv: anyMemberFact(
      members
        .filter((member) => {
          const age = ageOnDate(member.dob, asOf)
          return member.relationshipToHoh === HEAD_OF_HOUSEHOLD || age === null || age >= 18
        })
        .map((member) => fleeingDomesticViolence(member.domesticViolence)),
      'Fleeing domestic violence',
    ).value,
    daysHomeless,
    score: input.latestAssessment?.score ?? null,
    assessmentDate: input.latestAssessment?.assessmentDate ?? null,
    lastClsDate: input.lastCurrentLivingSituationDate,
    disabilityVerified,
    documentsCompleteFor: checklists.completeFor,
    missingDocuments: checklists.missing,
  }
}
