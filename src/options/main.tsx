import { render } from 'preact';
import { mirrorIndexChanges } from '../platform/opening-mirror';
import { App } from './app';

// A save here makes the background rewrite the role index: the popup's opening mirror follows it, so the next
// popup's first frame shows the new roles (src/platform/opening-mirror.ts).
mirrorIndexChanges();
const root = document.getElementById('app');
if (root) render(<App />, root);
