/** The foot of the options page: the help link and the version that is running (for a ticket, or to check an update). */
import browser from 'webextension-polyfill';
import { HELP_URL } from '../core/help';

export function PageFooter() {
  return (
    <footer class="options-foot">
      <a href={HELP_URL} target="_blank" rel="noreferrer">Help</a>
      <span>Version {browser.runtime.getManifest().version}</span>
    </footer>
  );
}
