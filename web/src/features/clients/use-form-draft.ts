import type { UseFormReturnType } from '@mantine/form'
import { useCallback, useEffect, useRef, useState } from 'react'

// Forms never lose work: while someone types, the form is copied to this browser's storage, and a reload,
// a crash or a closed tab brings it back with a notice. The copy is removed once the record is saved.

/** Drafts older than this are forgotten: a week-old half-finished intake is more confusing than useful. */
const DRAFT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000
const SAVE_DELAY_MS = 300

interface StoredDraft<Values, Extra> {
  savedAt: string
  values: Values
  extra: Extra | undefined
}

export const draftStorageKey = (userId: string, subject: string) => `threshold.draft:${userId}:${subject}`

export function readDraft<Values, Extra>(key: string): StoredDraft<Values, Extra> | null {
  try {
    const stored = window.localStorage.getItem(key)
    if (!stored) return null
    const draft = JSON.parse(stored) as StoredDraft<Values, Extra>
    if (Date.now() - Date.parse(draft.savedAt) > DRAFT_LIFETIME_MS) {
      window.localStorage.removeItem(key)
      return null
    }
    return draft
  } catch {
    // Unreadable (storage disabled, or written by an older version): start afresh.
    return null
  }
}

function writeDraft(key: string, draft: StoredDraft<unknown, unknown>): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft))
  } catch {
    // Storage full or disabled: the form still works, it just can't be brought back after a reload.
  }
}

export interface FormDraft<Extra> {
  /** When the restored draft was saved, or null when the form started fresh. */
  restoredAt: string | null
  /** What was stored with the restored draft (e.g. the version the edit started from). */
  restoredExtra: Extra | undefined
  /** Throw the draft away and go back to the form's starting values. */
  discard(): void
  /** Forget the draft for good (after a successful save). */
  clear(): void
}

/**
 * Keeps a Mantine form's values in localStorage under `key` while they differ from the starting values,
 * and restores them when the form opens again. `storable` strips what must never be written to disk
 * (an SSN); `extra` is stored beside the values.
 */
export function useFormDraft<Values, Extra = undefined>(
  form: UseFormReturnType<Values>,
  {
    key,
    storable = (values) => values,
    extra,
  }: { key: string; storable?: (values: Values) => Values; extra?: Extra },
): FormDraft<Extra> {
  const [restored, setRestored] = useState(() => readDraft<Values, Extra>(key))
  const stopped = useRef(false)
  const ready = useRef(false)
  const latest = useRef({ key, storable, extra, form })
  latest.current = { key, storable, extra, form }

  // Restore once, when the form opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: restoring again on every change would undo typing
  useEffect(() => {
    if (restored) form.setValues({ ...form.getValues(), ...restored.values })
    ready.current = true
  }, [])

  const save = useCallback(() => {
    const { key: currentKey, storable: strip, extra: currentExtra, form: currentForm } = latest.current
    if (stopped.current || !ready.current) return
    if (!currentForm.isDirty()) {
      window.localStorage.removeItem(currentKey)
      return
    }
    writeDraft(currentKey, {
      savedAt: new Date().toISOString(),
      values: strip(currentForm.getValues()),
      extra: currentExtra,
    })
  }, [])

  const values = form.getValues()
  // biome-ignore lint/correctness/useExhaustiveDependencies: saves whenever the values change
  useEffect(() => {
    const timer = window.setTimeout(save, SAVE_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [values, save])

  // A reload or a closed tab right after a keystroke must not lose it.
  useEffect(() => {
    window.addEventListener('pagehide', save)
    return () => {
      window.removeEventListener('pagehide', save)
      save()
    }
  }, [save])

  return {
    restoredAt: restored?.savedAt ?? null,
    restoredExtra: restored?.extra,
    discard() {
      window.localStorage.removeItem(key)
      form.reset()
      setRestored(null)
    },
    clear() {
      stopped.current = true
      window.localStorage.removeItem(key)
      setRestored(null)
    },
  }
}
