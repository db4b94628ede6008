/** Inline icons for the toolbar: a few bytes of SVG, drawn in the text colour so both themes work. */

const common = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-linecap': 'round', 'aria-hidden': true } as const;

/** Account ids shown (an eye) or hidden (the eye struck through). */
export function EyeIcon({ off }: { off: boolean }) {
  return (
    <svg {...common}>
      <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z" />
      <circle cx="8" cy="8" r="2" />
      {off && <path d="M2.5 13.5l11-11" />}
    </svg>
  );
}

/** Settings, as sliders. */
export function SettingsIcon() {
  return (
    <svg {...common}>
      <path d="M2 4h12M2 8h12M2 12h12" />
      <circle cx="5" cy="4" r="1.7" fill="currentColor" />
      <circle cx="11" cy="8" r="1.7" fill="currentColor" />
      <circle cx="6.5" cy="12" r="1.7" fill="currentColor" />
    </svg>
  );
}

/** Copy: two sheets, one over the other. */
export function CopyIcon() {
  return (
    <svg {...common}>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
    </svg>
  );
}

/** Done: a tick. */
export function CheckIcon() {
  return (
    <svg {...common}>
      <path d="M3 8.5l3 3 7-7" />
    </svg>
  );
}
