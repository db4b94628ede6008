/**
 * A disclosure: a button that shows or hides what follows it (WAI-ARIA's disclosure pattern: `aria-expanded`,
 * `aria-controls`). Not `<details>`: Chromium keeps a closed `<details>`'s content under a display lock
 * (`content-visibility: hidden`), and while one is anywhere in a page, replacing a large selection in a text field
 * of that page is slowed down by orders of magnitude: in the configuration editor, select all and type over 3,000
 * profiles took 13 s, over 10,000 about 3 minutes, with the page frozen (0.2 s without a closed `<details>`; measured
 * on Chromium 156, `document.execCommand('insertText')` as typing or pasting does). Hidden content here is
 * `display: none`, which holds no lock.
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

export function Disclosure({ summary, children }: { summary: ComponentChildren; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div class="disclosure">
      <button type="button" class="disclosure-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {/* The triangle is drawn, not named: the button's name is its summary. */}
        <span class="disclosure-mark" aria-hidden="true">{open ? '▾' : '▸'}</span>
        {summary}
      </button>
      <div id={id} class="disclosure-content" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
