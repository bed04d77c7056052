import type { AppearanceOptions } from '@stripe/connect-js';

export type Theme = 'light' | 'dark';

// Kept in step with the CSS custom properties in styles.css, so Stripe's components and the
// dashboard around them switch together. The dark primary stays dark enough for white button text.
const palettes = {
  light: { colorPrimary: '#1d4ed8', colorBackground: '#ffffff', colorText: '#111827', colorSecondaryText: '#4b5563', colorBorder: '#d1d5db' },
  dark: { colorPrimary: '#2563eb', colorBackground: '#111827', colorText: '#f9fafb', colorSecondaryText: '#d1d5db', colorBorder: '#374151' },
} as const satisfies Record<Theme, AppearanceOptions['variables']>;

/** Connect appearance per theme. Constant objects: the provider deep-compares anyway. */
export const connectAppearance: Record<Theme, AppearanceOptions> = {
  light: { variables: { ...palettes.light } },
  dark: { variables: { ...palettes.dark } },
};

/** The same palette for the Payment Element (`<Elements options.appearance>`). */
export const elementsAppearance = {
  light: { theme: 'stripe', variables: { colorPrimary: palettes.light.colorPrimary, colorBackground: palettes.light.colorBackground, colorText: palettes.light.colorText } },
  dark: { theme: 'night', variables: { colorPrimary: palettes.dark.colorPrimary, colorBackground: palettes.dark.colorBackground, colorText: palettes.dark.colorText } },
} as const;
