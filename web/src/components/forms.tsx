import { Alert } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError } from '../api/client'

/** The user-facing sentence for any failure (server errors already speak plainly). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Something went wrong. Try again; if it keeps happening, tell your administrator.'
}

function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return false
    current = (current as Record<string, unknown>)[key]
  }
  return true
}

export interface FieldMapping {
  /** Server paths that differ from the form's field names (`newPassword` → `password`). */
  fieldNames?: Record<string, string>
  /** The field a 409 conflict is about, e.g. a username that is already taken. */
  conflictField?: string
}

/**
 * Shows a failed save on the form: each server validation problem on its field, and returns the
 * sentence for the form's alert (problems without a matching field are listed there). The user's
 * input is left exactly as it was.
 */
export function showServerErrors<Values>(
  form: UseFormReturnType<Values>,
  error: unknown,
  { fieldNames = {}, conflictField }: FieldMapping = {},
): string {
  if (error instanceof ApiError && error.code === 'conflict' && conflictField) {
    form.setFieldError(conflictField as never, error.message)
    return 'Not saved: correct the highlighted fields and try again.'
  }
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) return errorMessage(error)
  const unmatched: string[] = []
  for (const issue of error.fieldIssues) {
    const field = fieldNames[issue.path] ?? issue.path
    if (hasPath(form.getValues(), field)) form.setFieldError(field as never, issue.message)
    else unmatched.push(`${issue.path || 'request'}: ${issue.message}`)
  }
  return unmatched.length > 0
    ? `Not saved: ${unmatched.join('; ')}`
    : 'Not saved: correct the highlighted fields and try again.'
}

/**
 * Submit handler for a Mantine form that saves through the API: client-side rules first, then the
 * request; a failure keeps the input, marks the fields and explains in `error`.
 */
export function useFormSubmit<Values, Result>(
  form: UseFormReturnType<Values>,
  save: (values: Values) => Promise<Result>,
  options: FieldMapping & { onSuccess?: (result: Result, values: Values) => void | Promise<void> } = {},
) {
  const [error, setError] = useState<string | null>(null)
  const mutation = useMutation({ mutationFn: save })
  const onSubmit = form.onSubmit(async (values) => {
    setError(null)
    let result: Result
    try {
      result = await mutation.mutateAsync(values)
    } catch (failure) {
      setError(showServerErrors(form, failure, options))
      return
    }
    await options.onSuccess?.(result, values)
  })
  return { onSubmit, error, pending: mutation.isPending, succeeded: mutation.isSuccess && !error }
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <Alert color="red" variant="light" title="Could not save" role="alert">
      {message}
    </Alert>
  )
}
