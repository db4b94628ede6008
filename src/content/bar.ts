/**
 * The console marked with the role: a thin bar of the role's colour along the top of the window and a small label
 * (profile, account, time left) in the bottom-right corner. Both are fixed-position, in a shadow root (the page's
 * styles cannot reach them, theirs cannot leak out), and let every click through (`pointer-events: none`), so the
 * console's own layout and controls are untouched.
 *
 * A profile with `marker = strong` (production, say) gets a frame of its colour round the whole window instead of
 * the bar, thicker at the top, and a larger label: what people coming from AWS Extend Switch Roles see in the
 * console's header. The frame stays within the window's outer 6 px, where the console's header has its padding and
 * no control, and clicks go through it too.
 *
 * A long profile name is cut in the middle (its start and end kept), and the time left never gives way (issue 14:
 * a long name pushed it out of the label); the label's title has the whole text. The marker holds display data
 * only (name, account, colour, time: TabDisplay has nothing else), as the page can read its open shadow root.
 */
import { middleEllipsis } from '../core/middle-ellipsis';
import { formatCountdown, timeUnknown } from '../core/sessions/countdown';
import { readableTextOn } from '../core/sessions/contrast';
import type { TabDisplay } from '../messages';
import { message } from '../platform/i18n';

const HOST_TAG = 'aws-role-switcher';
const NEUTRAL = '#545b64';
/** The profile's share of the label, in characters: with the account and the time, the label stays under ~70. */
export const PROFILE_CHARS = 28;

const STYLE = `
  .stripe { position: fixed; top: 0; left: 0; right: 0; height: 4px; }
  .frame { position: fixed; inset: 0; box-sizing: border-box; border: 3px solid; border-top-width: 6px; }
  .label {
    position: fixed; right: 8px; bottom: 8px; max-width: min(60vw, 520px); padding: 3px 9px; border-radius: 4px;
    font: 600 12px/1.35 system-ui, -apple-system, 'Segoe UI', sans-serif; white-space: pre; overflow: hidden;
    display: flex; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35); opacity: 0.94;
  }
  /* Names from the configuration and the status give way (cut with an ellipsis); the account id never does. */
  .label > span { flex: none; }
  .label > .profile, .label > .alias, .label > .status { flex: 0 1 auto; min-width: 2em; overflow: hidden; text-overflow: ellipsis; }
  /* The time left of a live session is never cut: the names give way first. */
  .label[data-status='live'] > .status { flex: none; }
  .label[data-status='expired'], .label[data-status='replaced'] { font-style: italic; }
  .label[data-marker='strong'] { bottom: 10px; right: 10px; padding: 5px 12px; font-size: 14px; opacity: 1; }
`;

export interface Bar {
  render(display: TabDisplay | null, now: number): void;
}

export function createBar(doc: Document): Bar {
  const host = doc.createElement(HOST_TAG);
  // Inline and `all: initial`: no page rule can give the host a size, a margin or a place in the flow.
  host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none; display: none;');
  // Open, so tests and accessibility tools can read it; it holds display data only.
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const stripe = doc.createElement('div');
  stripe.className = 'stripe';
  stripe.dataset.testid = 'role-switcher-stripe';
  const frame = doc.createElement('div');
  frame.className = 'frame';
  frame.dataset.testid = 'role-switcher-frame';
  const label = doc.createElement('div');
  label.className = 'label';
  label.dataset.testid = 'role-switcher-label';
  label.setAttribute('role', 'status');
  root.append(style, stripe, frame, label);

  // Single-page consoles rebuild the document's children: put the host back when it is taken out.
  const attach = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };
  attach();
  new MutationObserver(attach).observe(doc.documentElement, { childList: true });

  return {
    render(display, now) {
      if (!display) {
        host.style.setProperty('display', 'none');
        return;
      }
      const left = display.consoleExpiresAt - now;
      const status = display.status === 'live' && left <= 0 ? 'expired' : display.status;
      const colour = status === 'live' ? (display.color ?? NEUTRAL) : NEUTRAL;
      const strong = display.marker === 'strong';
      stripe.style.background = colour;
      stripe.style.display = strong ? 'none' : 'block';
      frame.style.borderColor = colour;
      frame.style.display = strong ? 'block' : 'none';
      label.style.background = colour;
      label.style.color = readableTextOn(colour);
      label.dataset.status = status;
      if (strong) label.dataset.marker = 'strong';
      else delete label.dataset.marker;
      const parts = labelParts(display, statusText(display, status, left));
      const whole = parts.map(([, text]) => text).join('');
      // The whole text on hover, for tools and assistive technology (the label lets the pointer through).
      label.title = whole;
      const shown = parts.map(([part, text]): [string, string] => [part, part === 'profile' ? middleEllipsis(text, PROFILE_CHARS) : text]);
      if (label.textContent !== shown.map(([, text]) => text).join('')) {
        label.replaceChildren(...shown.map(([part, text]) => Object.assign(doc.createElement('span'), { className: part, textContent: text })));
      }
      host.style.setProperty('display', 'block');
    },
  };
}

/**
 * The label's parts, in order. The account id is always there, and an alias from the configuration only beside it:
 * a shared configuration can name any account "acme-prod", but it cannot change the id the console signed in to.
 * (A role the console switched to by its account alias has that alias as its account: what the console was asked
 * for, which names one account, as aliases are unique across AWS.)
 */
function labelParts(display: TabDisplay, status: string): Array<[part: string, text: string]> {
  return [
    ['profile', display.profile],
    ['sep', ' · '],
    ['account', display.accountId],
    ...(display.accountAlias !== undefined && display.accountAlias !== '' ? ([['alias', ` (${display.accountAlias})`]] as Array<[string, string]>) : []),
    ['sep', ' · '],
    ['status', status],
  ];
}

function statusText(display: TabDisplay, status: TabDisplay['status'], left: number): string {
  if (status === 'replaced') return display.replacedBy !== undefined ? message('contentReplacedBy', display.replacedBy) : message('contentReplacedOutside');
  if (status !== 'live') return message('contentExpired');
  return timeUnknown(left) ? '' : message('contentTimeLeft', formatCountdown(left));
}
