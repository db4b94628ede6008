/**
 * One step of the welcome page: its number and title, whether it is done (said in words in its heading, so a screen
 * reader hears it with the title, and shown as a tick), a line saying what was found once done, and what to do.
 */
import type { ComponentChildren } from 'preact';

interface Props {
  number: number;
  title: string;
  /** Undefined until the background has answered: neither done nor to do yet. */
  done: boolean | undefined;
  /** What ticked it, once done ("3 roles saved."). */
  summary?: string | undefined;
  children: ComponentChildren;
}

export function Step({ number, title, done, summary, children }: Props) {
  const id = `step-${number}`;
  return (
    <li class={`step${done === true ? ' done' : ''}`}>
      <section aria-labelledby={id}>
        <h2 id={id}>
          <span class="step-mark" aria-hidden="true">{done === true ? '✓' : number}</span>
          <span>
            {number}. {title}
          </span>
          {done !== undefined && <span class="step-state">{done ? 'Done' : 'To do'}</span>}
        </h2>
        {done === true && summary !== undefined && (
          <p class="step-summary" role="status">
            {summary}
          </p>
        )}
        {children}
      </section>
    </li>
  );
}
