/**
 * The sandbox's HTML pages. Plain, with `data-testid` hooks for the end-to-end tests.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
${head}</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * The federation endpoint answers bad requests with HTTP 400 and an HTML page, not JSON (observed behaviour, also
 * noted in DESIGN.md). The reason line is ours, to make failing tests readable; AWS gives no reason.
 */
export function federationErrorPage(reason: string): string {
  return page(
    '400 Bad Request',
    `<h1>Bad Request</h1>\n<p data-testid="federation-error">${escapeHtml(reason)}</p>`,
  );
}
