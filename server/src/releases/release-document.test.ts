import { describe, expect, it } from 'vitest'
import { attachmentDisposition, cleanFileName, detectDocumentType } from './release-document'

describe('detectDocumentType', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.4\n...'), 'application/pdf'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0]), 'image/jpeg'],
    ['a Windows program', Buffer.from('MZ\x90\x00', 'latin1'), undefined],
    ['an HTML page', Buffer.from('<html><script>alert(1)</script>'), undefined],
    ['a PDF signature past the first byte', Buffer.from(' %PDF-1.4'), undefined],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e]), undefined],
    ['nothing', Buffer.alloc(0), undefined],
  ])('recognises %s by its first bytes', (_name, content, expected) => {
    expect(detectDocumentType(content)).toBe(expected)
  })
})

describe('cleanFileName', () => {
  it('keeps a plain name', () => {
    expect(cleanFileName('Consent – María.pdf', 'application/pdf')).toBe('Consent – María.pdf')
  })

  it('drops directories, control characters and quotes', () => {
    expect(cleanFileName('C:\\Users\\x\\..\\"evil"\r\n.pdf', 'application/pdf')).toBe('evil.pdf')
    expect(cleanFileName('../../etc/passwd', 'image/png')).toBe('passwd')
  })

  it('names a nameless file by its type', () => {
    expect(cleanFileName(undefined, 'image/jpeg')).toBe('release.jpg')
    expect(cleanFileName('  ', 'application/pdf')).toBe('release.pdf')
  })
})

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Consent María.pdf')).toBe(
      'attachment; filename="Consent Mar_a.pdf"; filename*=UTF-8\'\'Consent%20Mar%C3%ADa.pdf',
    )
  })
})
