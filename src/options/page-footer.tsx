/** The foot of the options page: the help link and the version that is running (for a ticket, or to check an update). */
import browser from 'webextension-polyfill';
import { helpUrl } from '../platform/help';

export function PageFooter() {
  return (
    <footer class="options-foot">
      <a href={helpUrl()} target="_blank" rel="noreferrer">Help</a>
      <span>Version {browser.runtime.getManifest().version}</span>
    </footer>
  );
}
