import type { CeDocumentType } from '../ce-workflow/document-types'
import type { QueueProgramTypeValue as QueueProgramType } from './statuses'

/** What a household's file must hold before a referral to a program type (clienttrack-workflow step 4). */
export const DOCUMENT_REQUIREMENTS = [
  'disability_verification',
  'homelessness_12_months',
  'homelessness',
  'identification',
  'assessment',
] as const
export type DocumentRequirement = (typeof DOCUMENT_REQUIREMENTS)[number]

export const DOCUMENT_REQUIREMENT_LABELS: Record<DocumentRequirement, string> = {
  disability_verification: 'Verification of disability',
  homelessness_12_months: '12 months of documented homelessness',
  homelessness: 'Documentation of homelessness',
  identification: 'Client ID',
  assessment: 'Completed CE assessment',
}

/** The checklist per program type that has one (PSH and RRH; TH uses the RRH list). */
export const DOCUMENT_CHECKLISTS: Partial<Record<QueueProgramType, readonly DocumentRequirement[]>> = {
  psh: ['disability_verification', 'homelessness_12_months', 'identification'],
  rrh: ['homelessness', 'identification', 'assessment'],
  th: ['homelessness', 'identification', 'assessment'],
}

/** What the household's documents and records show, as the checklist reads them. */
export interface DocumentEvidence {
  /** CE document types on file (core's CE_DOCUMENT_TYPES). */
  documentKinds: readonly string[]
  hasAssessment: boolean
}

/** Which CE document types (`ce_document.document_type`) satisfy a requirement. */
const TYPES_SATISFYING: Record<DocumentRequirement, readonly CeDocumentType[]> = {
  disability_verification: ['disability_verification'],
  homelessness_12_months: ['chronic_homelessness_documentation'],
  homelessness: ['homelessness_documentation', 'chronic_homelessness_documentation'],
  identification: ['identification'],
  assessment: [],
}

function requirementMet(requirement: DocumentRequirement, evidence: DocumentEvidence): boolean {
  if (requirement === 'assessment') return evidence.hasAssessment
  return TYPES_SATISFYING[requirement].some((type) => evidence.documentKinds.includes(type))
}

export interface DocumentChecklistResult {
  /** Program types whose checklist is complete. */
  completeFor: QueueProgramType[]
  /** The requirements each program type still misses (complete types map to []). */
  missing: Partial<Record<QueueProgramType, DocumentRequirement[]>>
}

export function evaluateDocumentChecklists(evidence: DocumentEvidence): DocumentChecklistResult {
  const completeFor: QueueProgramType[] = []
  const missing: DocumentChecklistResult['missing'] = {}
  for (const [programType, requirements] of Object.entries(DOCUMENT_CHECKLISTS) as [
    QueueProgramType,
    readonly DocumentRequirement[],
  ][]) {
    const absent = requirements.filter((requirement) => !requirementMet(requirement, evidence))
    missing[programType] = absent
    if (absent.length === 0) completeFor.push(programType)
  }
  return { completeFor, missing }
}
