/**
 * Firefox containers take one of a fixed set of colours, not a hex value
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/contextualIdentities/ContextualIdentity).
 * A profile's `color` is mapped to the nearest one by hue and lightness; greys, black, white and no colour at all
 * get `toolbar`, the neutral one.
 */

export const CONTAINER_COLORS = ['blue', 'turquoise', 'green', 'yellow', 'orange', 'red', 'pink', 'purple', 'toolbar'] as const;
export type ContainerColor = (typeof CONTAINER_COLORS)[number];

interface Hsl {
  /** Degrees, 0 to 360. */
  hue: number;
  /** 0 to 1. */
  lightness: number;
  /** max − min of r, g, b (0 to 1): how far from grey, also for very dark or light colours (HSL saturation is not). */
  chroma: number;
}

/**
 * Firefox's own colour codes (`contextualIdentities.query()` answers them as `colorCode`), plus one anchor: light
 * reds (#ffc0cb, "pink") are pink to a person, though their hue is nearer Firefox's red.
 */
const ANCHORS: readonly { color: Exclude<ContainerColor, 'toolbar'>; hex: string }[] = [
  { color: 'blue', hex: '#37adff' },
  { color: 'turquoise', hex: '#00c79a' },
  { color: 'green', hex: '#51cd00' },
  { color: 'yellow', hex: '#ffcb00' },
  { color: 'orange', hex: '#ff9f00' },
  { color: 'red', hex: '#ff613d' },
  { color: 'pink', hex: '#ff4bda' },
  { color: 'purple', hex: '#af51f5' },
  { color: 'pink', hex: '#ffc0cb' },
];

/** Below this chroma a colour reads as grey: 0.15 keeps slate blues (#607d8b) blue and makes #777788 grey. */
const GREY_CHROMA = 0.15;
/** How much hue difference weighs against lightness difference: 30° of hue count as much as 25% of lightness. */
const HUE_STEP = 30;
const LIGHTNESS_STEP = 0.25;

const anchors = ANCHORS.map((anchor) => ({ ...anchor, hsl: toHsl(anchor.hex) as Hsl }));

/** The container colour for a profile colour (`#rrggbb` or `rrggbb`, any case); `toolbar` when there is none. */
export function containerColor(hex: string | undefined): ContainerColor {
  const hsl = hex === undefined ? undefined : toHsl(hex);
  if (!hsl || hsl.chroma < GREY_CHROMA) return 'toolbar';
  let best: ContainerColor = 'toolbar';
  let bestDistance = Infinity;
  for (const anchor of anchors) {
    const hueGap = Math.abs(hsl.hue - anchor.hsl.hue);
    const hue = Math.min(hueGap, 360 - hueGap) / HUE_STEP;
    const lightness = (hsl.lightness - anchor.hsl.lightness) / LIGHTNESS_STEP;
    const distance = hue * hue + lightness * lightness;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = anchor.color;
    }
  }
  return best;
}

function toHsl(hex: string): Hsl | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return undefined;
  const value = Number.parseInt(match[1], 16);
  const [r, g, b] = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map((channel) => channel / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const chroma = max - min;
  let hue = 0;
  if (chroma > 0) {
    if (max === r) hue = ((g - b) / chroma) % 6;
    else if (max === g) hue = (b - r) / chroma + 2;
    else hue = (r - g) / chroma + 4;
  }
  return { hue: (hue * 60 + 360) % 360, lightness: (max + min) / 2, chroma };
}
