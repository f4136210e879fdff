import { describe, expect, it } from 'vitest'
import { sanitizeNoteHtml } from './sanitize-note-html'

const html = (input: string) => sanitizeNoteHtml(input).html

describe('sanitizeNoteHtml', () => {
  it('keeps paragraphs, bold, italic, lists and http(s) links', () => {
    expect(
      html(
        '<p>Met <b>Ana</b> and <i>kids</i></p><ul><li>rent</li></ul><ol><li>one</li></ol>' +
          '<p><a href="https://hud.gov/x?a=1&amp;b=2">HUD</a><br>end</p>',
      ),
    ).toBe(
      '<p>Met <strong>Ana</strong> and <em>kids</em></p><ul><li>rent</li></ul><ol><li>one</li></ol>' +
        '<p><a href="https://hud.gov/x?a=1&amp;b=2" rel="noopener noreferrer nofollow">HUD</a><br>end</p>',
    )
  })

  it('drops <script>, <style> and <iframe> with their content', () => {
    expect(
      html('<p>ok</p><script>alert(1)</script><style>p{color:red}</style><iframe src="x">y</iframe>'),
    ).toBe('<p>ok</p>')
    expect(html('<scr<script>ipt>alert(1)</script>x')).toBe('&lt;scrx')
    expect(html('before<script>never closed')).toBe('before')
  })

  it('drops on* handlers, style and every other attribute', () => {
    expect(html('<p onclick="steal()" style="position:fixed" class="x">hi</p>')).toBe('<p>hi</p>')
    expect(html('<img src=x onerror=alert(1)>text')).toBe('text')
    expect(html('<a href="https://ok.org" onmouseover="x()" style="color:red">l</a>')).toBe(
      '<a href="https://ok.org/" rel="noopener noreferrer nofollow">l</a>',
    )
  })

  it('refuses javascript:, data: and relative links, however they are spelt, keeping the words', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'jav&#x61;script:alert(1)',
      '&#106;avascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '/relative',
    ]) {
      expect(html(`<a href="${href}">click</a>`), href).toBe('click')
    }
  })

  it('escapes text, so markup written as entities stays text', () => {
    expect(html('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d')
    expect(html('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html('<p title="a>b">x</p>')).toBe('<p>x</p>')
  })

  it('closes what was left open and ignores stray closing tags', () => {
    expect(html('<p><strong>bold')).toBe('<p><strong>bold</strong></p>')
    expect(html('</em>text</p>')).toBe('text')
    expect(html('<p><em>x</p>y')).toBe('<p><em>x</em></p>y')
  })

  it('drops comments and keeps the words of unknown tags', () => {
    expect(html('<!-- <script>x</script> -->a<span>b</span><div>c</div>')).toBe('abc')
  })

  it('gives the plain words for search, with blocks as word breaks', () => {
    expect(sanitizeNoteHtml('<p>Rent</p><p>paid &amp; <b>signed</b></p><script>evil</script>').text).toBe(
      'Rent paid & signed',
    )
    expect(sanitizeNoteHtml('<p> </p><script>x</script>').text).toBe('')
  })
})
