/**
 * Import a `~/.aws/config` (or AESR) file into the editor for review, and export the saved configuration as a
 * file. Both stay in the page: a file input and an `<a download>` of a blob URL, so no `downloads` permission.
 */
import { useEffect, useState } from 'preact/hooks';

/** Larger than any real configuration (5,000 profiles are ~0.5 MB): a bigger file is the wrong file. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function ImportFile({ onLoaded, onError }: { onLoaded: (text: string, name: string) => void; onError: (message: string) => void }) {
  async function read(input: HTMLInputElement) {
    const file = input.files?.[0];
    // Cleared so that picking the same file again, after editing it on disk, fires a change again.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      onError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB, too large for a configuration. Pick your ~/.aws/config or AESR configuration file.`);
      return;
    }
    try {
      onLoaded(await file.text(), file.name);
    } catch {
      onError(`${file.name} could not be read. Check that the file still exists and can be opened.`);
    }
  }

  return (
    <label class="button">
      Import file…
      <input type="file" class="visually-hidden" onChange={(event) => void read(event.currentTarget)} />
    </label>
  );
}

export function ExportLink({ text }: { text: string }) {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [text]);
  if (url === undefined) return null;
  return (
    <a class="button" href={url} download="aws-config.ini">
      Export
    </a>
  );
}
