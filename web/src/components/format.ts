const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/** A timestamp (ISO string) in the reader's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : '—'
}

/** A calendar date ('YYYY-MM-DD'): formatted as that same day everywhere, whatever the time zone. */
export function formatDate(date: string | null | undefined): string {
  return date ? dateFormat.format(new Date(`${date}T00:00:00Z`)) : '—'
}
