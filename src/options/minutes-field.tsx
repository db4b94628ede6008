/**
 * A number of minutes, saved as it changes (on leaving the field, or Enter): what was typed stays in the field when
 * it is not a whole number or the background refuses it, with the sentence that says what to type instead.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppError } from '../messages';
import { Setting } from './saved-mark';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Saves the minutes; an error says why they were refused. */
  save: (minutes: number) => Promise<AppError | undefined>;
  saved: boolean;
  /** Says what to type when the field holds no whole number. */
  invalid: string;
}

export function MinutesField({ label, value, min, max, save, saved, invalid }: Props) {
  const [typed, setTyped] = useState(String(value));
  const [error, setError] = useState<string | undefined>();
  // A value saved elsewhere (another tab, the background's normalising) shows here unless the field holds an error;
  // never the value it started with (the effect runs after the first paint, when a person may be typing already).
  const shown = useRef(value);
  useEffect(() => {
    if (value === shown.current) return;
    shown.current = value;
    if (error === undefined) setTyped(String(value));
  }, [value]);

  async function commit(text: string) {
    const minutes = Number(text);
    if (text.trim() === '' || !Number.isInteger(minutes)) return setError(invalid);
    const refused = await save(minutes);
    setError(refused?.message);
  }

  return (
    <>
      <Setting saved={saved && error === undefined}>
        <label>
          {label}
          <input
            type="number"
            min={min}
            max={max}
            step={1}
            value={typed}
            aria-invalid={error !== undefined}
            onInput={(event) => setTyped(event.currentTarget.value)}
            onChange={(event) => void commit(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Enter' && void commit(event.currentTarget.value)}
          />
        </label>
      </Setting>
      {error !== undefined && <p role="alert" class="error">{error}</p>}
    </>
  );
}
