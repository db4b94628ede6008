/** Gzip sizes of what each entry point loads, from the built extension. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

function gzipKb(files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(file)).length;
  return bytes / 1024;
}

/** A JS file and every file it statically imports, resolved inside `dist`. */
function withImports(dist: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const match of readFileSync(entry, 'utf8').matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)) {
    const target = match[1];
    if (target !== undefined) withImports(dist, target.startsWith('/') ? join(dist, target) : join(dirname(entry), target), seen);
  }
  return seen;
}

export function bundleSizes(dist: string): { popup: number; background: number } {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { background: { service_worker: string } };
  const background = withImports(dist, join(dist, manifest.background.service_worker));
  const popup = new Set<string>();
  const html = readFileSync(join(dist, 'popup/index.html'), 'utf8');
  for (const match of html.matchAll(/src="([^"]+\.js)"/g)) {
    const src = match[1];
    if (src !== undefined) withImports(dist, src.startsWith('/') ? join(dist, src) : join(dist, 'popup', src), popup);
  }
  // The stylesheet is loaded before the first paint too.
  for (const match of html.matchAll(/href="([^"]+\.css)"/g)) {
    const href = match[1];
    if (href !== undefined) popup.add(href.startsWith('/') ? join(dist, href) : join(dist, 'popup', href));
  }
  return { popup: gzipKb(popup), background: gzipKb(background) };
}
