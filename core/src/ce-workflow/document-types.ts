import { z } from 'zod'

// Documents a Coordinated Entry worker uploads for a household (the workflow's last step). The Housing
// Queue reads `ce_document.document_type` against these values to tell complete from incomplete files.

export const CE_DOCUMENT_TYPES = [
  'identification',
  'homelessness_documentation',
  'chronic_homelessness_documentation',
  'disability_verification',
  'income_verification',
  'other',
] as const

export const CeDocumentType = z.enum(CE_DOCUMENT_TYPES).meta({ id: 'CeDocumentType' })
export type CeDocumentType = z.infer<typeof CeDocumentType>

export const CE_DOCUMENT_TYPE_LABELS: Record<CeDocumentType, string> = {
  identification: 'Photo identification',
  homelessness_documentation: 'Homelessness documentation',
  chronic_homelessness_documentation: '12 months of homelessness documentation',
  disability_verification: 'Disability verification',
  income_verification: 'Income verification',
  other: 'Other document',
}

/** Scans and photos: PDF, PNG or JPEG, proven by their first bytes. */
export const CE_DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const
export const CE_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024
