import { useForm } from '@mantine/form'
import dayjs from 'dayjs'
import { useEffect, useRef } from 'react'
import { useSession } from '../auth/session'
import {
  type ClientEdit,
  type ClientFormValues,
  clientFormErrors,
  clientFormWarnings,
  impliedQualities,
  QUALITY_FIELDS,
  type QualityField,
} from './client-form-values'
import { draftStorageKey, useFormDraft } from './use-form-draft'

export const todayIso = () => dayjs().format('YYYY-MM-DD')

/** The SSN is never written to the browser's storage: a draft keeps everything else. */
const withoutSsn = (values: ClientFormValues): ClientFormValues => ({ ...values, ssn: '' })

/** Puts the first field with a problem in front of the user (and a screen reader) after a refused save. */
export function focusFirstError(): void {
  window.requestAnimationFrame(() => {
    const invalid = document.querySelector<HTMLElement>('main [aria-invalid="true"], main [data-error] input')
    invalid?.focus()
    invalid?.scrollIntoView({ block: 'center' })
  })
}

/**
 * The intake form's state: values checked by core's rules, data-quality answers filled in from what is
 * typed until the user picks one, warnings worth a second look, and a draft kept in this browser.
 */
export function useClientForm<Extra>({
  initialValues,
  edit,
  draftSubject,
  draftExtra,
}: {
  initialValues: ClientFormValues
  /** For an edit: what the editor started from and the record as the server holds it. */
  edit?: ClientEdit
  /** "new" or the client's id: one draft per user and record. */
  draftSubject: string
  draftExtra?: Extra
}) {
  const session = useSession()
  const today = todayIso()
  const editRef = useRef(edit)
  editRef.current = edit
  const form = useForm<ClientFormValues>({
    initialValues,
    validate: (values) => clientFormErrors(values, { edit: editRef.current, today }),
  })
  const draft = useFormDraft<ClientFormValues, Extra>(form, {
    key: draftStorageKey(session.user.id, `client:${draftSubject}`),
    storable: withoutSsn,
    extra: draftExtra,
  })

  // Quality answers the form filled in itself follow the value; one the user picked stays.
  const autoFilled = useRef(new Set<QualityField>())
  const values = form.getValues()
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the typed values only
  useEffect(() => {
    const implied = impliedQualities(values)
    for (const field of QUALITY_FIELDS) {
      const current = values[field]
      const mayFill = current === null || autoFilled.current.has(field)
      if (!mayFill || implied[field] === current) continue
      if (implied[field] === null && !autoFilled.current.has(field)) continue
      form.setFieldValue(field, implied[field])
      if (implied[field] === null) autoFilled.current.delete(field)
      else autoFilled.current.add(field)
    }
  }, [values.firstName, values.lastName, values.ssn, values.dob])

  return {
    form,
    draft,
    today,
    warnings: clientFormWarnings(values, today),
    onManualQuality: (field: QualityField) => autoFilled.current.delete(field),
  }
}
