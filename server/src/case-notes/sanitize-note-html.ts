// Case-note text is rich text limited to safe formatting. The sanitizer never repairs markup in place: it
// reads the input as tags and text and writes a new document from an allow-list, so anything it does not
// recognise ends up as escaped text or is dropped. Allowed: p, br, strong/b, em/i, ul, ol, li, and links
// to http(s) addresses. Every attribute except a link's href is dropped (on*, style, class…).

/** Allowed tags, with the tag they are written as. */
const ALLOWED_TAGS: Record<string, string> = {
  p: 'p',
  br: 'br',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  a: 'a',
}
const VOID_TAGS = new Set(['br'])
/** Block tags end a word for the plain-text (search) copy. */
const BLOCK_TAGS = new Set(['p', 'br', 'ul', 'ol', 'li'])
/** Elements whose content is code or hidden, never text: dropped with everything inside. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'title',
  'svg',
  'math',
  'head',
  'select',
])

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^<>"']|"[^"]*"|'[^']*')*)>/g
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Character references as a browser would read them (unknown names stay as written). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : ''
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? match
  })
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An absolute http(s) address, normalised; anything else (javascript:, data:, relative…) is refused. */
function safeHref(attributes: string): string | undefined {
  const match = HREF.exec(attributes)
  if (!match) return undefined
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so drop them first.
  const raw = [...decodeEntities(match[1] ?? match[2] ?? match[3] ?? '')]
    .filter((character) => character > ' ' && character !== '\u007f')
    .join('')
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

export interface SanitizedNote {
  /** The HTML that is stored and shown. */
  html: string
  /** Its words, for full-text search and for "is the note empty?". */
  text: string
}

export function sanitizeNoteHtml(input: string): SanitizedNote {
  const html: string[] = []
  const text: string[] = []
  const open: string[] = []
  let droppedUntil: string | null = null
  let position = 0

  const writeText = (raw: string) => {
    if (droppedUntil !== null || raw === '') return
    const decoded = decodeEntities(raw)
    html.push(escapeHtml(decoded))
    text.push(decoded)
  }
  const close = (tag: string) => {
    const index = open.lastIndexOf(tag)
    if (index === -1) return
    for (const closing of open.splice(index).reverse()) html.push(`</${closing}>`)
  }

  for (const token of input.matchAll(TOKEN)) {
    writeText(input.slice(position, token.index))
    position = token.index + token[0].length
    const [whole, slash, rawName, attributes = ''] = token
    if (whole.startsWith('<!--') || rawName === undefined) continue
    const name = rawName.toLowerCase()
    const closing = slash === '/'
    if (droppedUntil !== null) {
      if (closing && name === droppedUntil) droppedUntil = null
      continue
    }
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (!closing && !attributes.trim().endsWith('/')) droppedUntil = name
      continue
    }
    const tag = ALLOWED_TAGS[name]
    if (tag === undefined) continue
    if (BLOCK_TAGS.has(tag)) text.push(' ')
    if (closing) {
      close(tag)
      continue
    }
    if (VOID_TAGS.has(tag)) {
      html.push(`<${tag}>`)
      continue
    }
    if (tag === 'a') {
      const href = safeHref(attributes)
      // A link to a refused address keeps its words as plain text.
      if (href === undefined) continue
      html.push(`<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">`)
    } else {
      html.push(`<${tag}>`)
    }
    open.push(tag)
  }
  writeText(input.slice(position))
  close(open[0] ?? '')

  return { html: html.join('').trim(), text: text.join('').replace(/\s+/g, ' ').trim() }
}
