/** The popup's console part (issue 13): what app.tsx, main.tsx and the role row use. */
export { ConsoleOfferProvider } from './console-offer-context';
export { ConsoleKeyHint, ConsoleLine } from './console-line';
export { ConsoleWayMarker } from './console-way-marker';
export { useClickWay, useListedRoles } from './use-console-choice';
