/** Where the popup sent the person (`#keys=<source>`, `#profile=<name>`), read once from the page's address. */
export interface DeepLink {
  kind: 'keys' | 'profile';
  subject: string;
}

export function deepLink(hash: string = typeof location === 'undefined' ? '' : location.hash): DeepLink | undefined {
  const found = /^#(keys|profile)=(.+)$/.exec(hash);
  if (!found) return undefined;
  try {
    return { kind: found[1] === 'keys' ? 'keys' : 'profile', subject: decodeURIComponent(found[2] ?? '') };
  } catch {
    return undefined;
  }
}
