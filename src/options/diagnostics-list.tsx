/** The problems of a configuration, each with its line: clicking the line selects it in the editor. */
import type { ConfigDiagnostic } from '../messages';

export function DiagnosticsList({ diagnostics, onGoToLine }: { diagnostics: ConfigDiagnostic[]; onGoToLine: (line: number) => void }) {
  if (diagnostics.length === 0) return null;
  return (
    <ul class="diagnostics" aria-label="Problems">
      {diagnostics.map((d, index) => (
        <li key={`${index}:${d.line}:${d.message}`} class={d.severity}>
          <button type="button" class="link" onClick={() => onGoToLine(d.line)}>
            Line {d.line}
          </button>
          {d.profile !== undefined && <strong> [{d.profile}]</strong>} {d.severity}: {d.message}
        </li>
      ))}
    </ul>
  );
}
