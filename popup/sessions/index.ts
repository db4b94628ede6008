/** The popup's sessions part: what app.tsx and the role row use. */
export { SessionsProvider } from './sessions-context';
export { SessionsStrip } from './sessions-strip';
export { SessionsView } from './sessions-view';
export { SignedInMarker } from './signed-in-marker';
export { initialView, type PopupPage } from './initial-view';
