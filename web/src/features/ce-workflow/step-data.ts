import type { CeWorkflow, CeWorkflowStep } from '@threshold/core'
import { draftStorageKey, readDraft } from '../clients/use-form-draft'

// A step form edits a plain object (the step's draft). It is copied to this browser while the user types,
// so a reload or a crash never loses work before it reaches the server-side draft.

export type StepData = Record<string, unknown>

/** A copy of `data` with `value` at `path` (objects created on the way; undefined removes the key). */
export function setIn(data: StepData, path: readonly string[], value: unknown): StepData {
  const [key, ...rest] = path
  if (key === undefined) return data
  const child = (data[key] ?? {}) as StepData
  const next = { ...data, [key]: rest.length === 0 ? value : setIn(child, rest, value) }
  if (next[key] === undefined) delete next[key]
  return next
}

export function getIn(data: StepData, path: readonly string[]): unknown {
  let current: unknown = data
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as StepData)[key]
  }
  return current
}

const localKey = (userId: string, workflowId: string, step: CeWorkflowStep) =>
  draftStorageKey(userId, `ce-workflow:${workflowId}:${step}`)

interface LocalStep {
  version: number
  data: StepData
}

/** The unsaved edit of this step in this browser, if it was started from the version now on the server. */
export function readLocalStep(userId: string, workflow: CeWorkflow, step: CeWorkflowStep): StepData | null {
  const stored = readDraft<LocalStep, undefined>(localKey(userId, workflow.id, step))
  const serverVersion = workflow.steps.find((entry) => entry.step === step)?.version
  return stored && stored.values.version === serverVersion ? stored.values.data : null
}

export function writeLocalStep(userId: string, workflowId: string, step: CeWorkflowStep, local: LocalStep) {
  try {
    window.localStorage.setItem(
      localKey(userId, workflowId, step),
      JSON.stringify({ savedAt: new Date().toISOString(), values: local, extra: undefined }),
    )
  } catch {
    // Storage full or disabled: the server-side draft still keeps what was saved.
  }
}

export function clearLocalStep(userId: string, workflowId: string, step: CeWorkflowStep) {
  try {
    window.localStorage.removeItem(localKey(userId, workflowId, step))
  } catch {
    // Nothing to clear.
  }
}
