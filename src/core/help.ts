/**
 * Where a person reads how the extension works, in one place for every page that links to it. The extension bundles
 * no help of its own, so this is the README's section on everyday use.
 * TODO(2026-12-01): the public repository's address is not decided yet; this is the address the README will have
 * once it is published under that name. Change it here only.
 */
export const HELP_URL = 'https://github.com/role-switcher/role-switcher#use-it-with-real-aws';
