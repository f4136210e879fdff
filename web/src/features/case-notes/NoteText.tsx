import { Anchor, Text } from '@mantine/core'
import { createElement, type ReactNode } from 'react'

// Shows a note's sanitized HTML as React elements, again from an allow-list: the server already cleaned it,
// and nothing here ever hands markup to the browser as HTML.

const TAGS = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li'])

function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent
  if (!(node instanceof Element)) return null
  const tag = node.tagName.toLowerCase()
  const children = Array.from(node.childNodes, toReact)
  if (tag === 'a') {
    const href = node.getAttribute('href') ?? ''
    return /^https?:\/\//i.test(href) ? (
      <Anchor key={key} href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </Anchor>
    ) : (
      children
    )
  }
  if (!TAGS.has(tag)) return children
  return createElement(tag, { key }, ...(tag === 'br' ? [] : children))
}

export function NoteText({ html }: { html: string }) {
  const document = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  return (
    <Text component="div" size="sm">
      {Array.from(document.body.childNodes, toReact)}
    </Text>
  )
}
