import { render } from 'preact';
import { App } from './app';
import { t } from './i18n';
import { startLoad } from './initial-load';

// First, before anything renders: the roles take longest to arrive.
const initial = startLoad();
document.title = t('popupTitle');
const root = document.getElementById('app');
if (root) render(<App initial={initial} />, root);
