import { render } from 'preact';
import { App } from './app';
import { t } from './i18n';
import { startOpening, type PopupStart } from './initial-load';
import { SessionsProvider } from './sessions';
import { ConsoleOfferProvider } from './console-offer';

/**
 * Without a mirror (the first opening), how long the first render waits for storage.local: rendering with the
 * roles makes the first frame the list. Past this, the loading state shows while the background rebuilds a
 * missing role index.
 */
const FIRST_RENDER_WAIT_MS = 150;

const opening = startOpening();
document.title = t('popupTitle');
const first: PopupStart | undefined =
  opening.mirrored ??
  (await Promise.race([opening.confirmed, new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]));
// Shown from the mirror, or not yet shown: storage.local's answer may still change it.
const later = opening.mirrored !== undefined || first === undefined ? opening.confirmed : undefined;
const root = document.getElementById('app');
// The sessions (popup/sessions/) feed both the Sessions view and the role list's signed-in markers; the console in
// front (popup/console-offer/) its line under the list, the rows' way markers, the filter and Alt.
if (root) render(<SessionsProvider><ConsoleOfferProvider><App opening={{ first, later }} /></ConsoleOfferProvider></SessionsProvider>, root);
