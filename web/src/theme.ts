import { Badge, type CSSVariablesResolver, createTheme, Modal } from '@mantine/core'

// Mantine's default shades put white text on blue 6 (3.6:1) and dimmed grey text at 3.3:1; caseworkers
// read this all day, often on poor screens, so every text pairing here meets WCAG AA (4.5:1).
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  // A focus ring for keyboard users (focus-visible), not after every mouse click.
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // Sentence case reads faster than Mantine's upper-case badges, and status words stay whole.
    Badge: Badge.extend({
      defaultProps: { tt: 'none', fw: 600 },
      styles: { label: { overflow: 'visible' } },
    }),
    // Mantine's close button is an icon without a name; screen readers (and axe) need one.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
})

/**
 * Text colour of the "light" variant (badges, alerts, the active menu item): Mantine's shade 9 reaches
 * only 3.8–4.1:1 on its own shade 1–2 backgrounds, so these are darkened to pass on both.
 */
const LIGHT_VARIANT_TEXT: Record<string, string> = {
  indigo: '#2b3f9e',
  green: '#1e6b30',
  red: '#a11d1d',
  orange: '#9a3a0a',
  yellow: '#7a4a00',
  teal: '#06634a',
  gray: 'var(--mantine-color-gray-8)',
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    ...Object.fromEntries(
      Object.entries(LIGHT_VARIANT_TEXT).map(([color, text]) => [
        `--mantine-color-${color}-light-color`,
        text,
      ]),
    ),
  },
  dark: {},
})
