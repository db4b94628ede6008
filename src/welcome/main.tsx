import { render } from 'preact';
import { mirrorIndexChanges } from '../platform/opening-mirror';
import { App } from './app';

// A save here makes the background rewrite the role index: the popup's opening mirror follows it, as on the options
// page, so the popup opened for step 3 shows the roles saved in step 1 in its first frame.
mirrorIndexChanges();
const root = document.getElementById('app');
if (root) render(<App />, root);
