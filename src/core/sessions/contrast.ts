/**
 * Text that stays readable on a role's colour: black or white, whichever contrasts more (WCAG relative luminance,
 * https://www.w3.org/TR/WCAG21/#dfn-relative-luminance).
 */
export function readableTextOn(background: string): '#000000' | '#ffffff' {
  const hex = /^#?([0-9a-f]{6})$/i.exec(background.trim())?.[1];
  if (hex === undefined) return '#ffffff';
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => channel(parseInt(hex.slice(i, i + 2), 16) / 255));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05); they are equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

function channel(value: number): number {
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}
