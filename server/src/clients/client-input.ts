import { type ClientRecord, clientRecordIssues, type FieldIssue } from '@threshold/core'
import { AppError } from '../http/errors'

const issueKey = (issue: FieldIssue) => `${issue.path.join('.')}: ${issue.message}`

/**
 * Refuses a record that breaks a rule spanning fields or needing today's date, in the same shape as a
 * request-schema failure: `details` lists each field (`body.dob`) with its message. When `before` is
 * given (an edit), gaps the stored record already had (an imported client without 4.21 Sex) do not
 * block the edit; only problems the change introduces do.
 */
export function assertValidClientRecord(record: ClientRecord, today: string, before?: ClientRecord): void {
  const known = new Set(before ? clientRecordIssues(before, today).map(issueKey) : [])
  const issues = clientRecordIssues(record, today).filter((issue) => !known.has(issueKey(issue)))
  if (issues.length > 0) throw invalidFields(issues)
}

function invalidFields(issues: FieldIssue[]): AppError {
  const details = issues.map((issue) => ({ path: ['body', ...issue.path].join('.'), message: issue.message }))
  const summary = details.map((detail) => `${detail.path} ${detail.message}`).join('; ')
  return new AppError('invalid_input', `Invalid input: ${summary}`, details)
}
