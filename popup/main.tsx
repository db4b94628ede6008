import { render } from 'preact';
import { App } from './app';
import { t } from './i18n';
import { startLoad } from './initial-load';
import { SessionsProvider } from './sessions';

// First, before anything renders: the roles take longest to arrive.
const initial = startLoad();
document.title = t('popupTitle');
const root = document.getElementById('app');
// The sessions (popup/sessions/) feed both the Sessions view and the role list's signed-in markers.
if (root) render(<SessionsProvider><App initial={initial} /></SessionsProvider>, root);
