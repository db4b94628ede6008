/**
 * STS's XML: `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata>` for answers
 * and `<ErrorResponse><Error>…</Error><RequestId>…</RequestId>` for errors (Query protocol,
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Examples).
 */
import type { StsError } from './sts-errors.js';

export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A nested element tree: a string is text content, an object is child elements in order; undefined is left out. */
export type XmlNode = string | { [name: string]: XmlNode | undefined };

export function toXml(node: XmlNode, indent = ''): string {
  if (typeof node === 'string') return escapeXml(node);
  let out = '';
  for (const [name, child] of Object.entries(node)) {
    if (child === undefined) continue;
    out +=
      typeof child === 'string'
        ? `${indent}<${name}>${escapeXml(child)}</${name}>\n`
        : `${indent}<${name}>\n${toXml(child, `${indent}  `)}${indent}</${name}>\n`;
  }
  return out;
}

export function stsResponseXml(action: string, result: XmlNode | undefined, requestId: string): string {
  const body = toXml(
    {
      [`${action}Result`]: result ?? {},
      ResponseMetadata: { RequestId: requestId },
    },
    '  ',
  );
  return `<${action}Response xmlns="${STS_XMLNS}">\n${body}</${action}Response>\n`;
}

export function stsErrorXml(error: StsError, requestId: string): string {
  const body = toXml(
    { Error: { Type: error.type, Code: error.code, Message: error.message }, RequestId: requestId },
    '  ',
  );
  return `<ErrorResponse xmlns="${STS_XMLNS}">\n${body}</ErrorResponse>\n`;
}

/** ISO 8601 UTC without milliseconds, as STS writes `Expiration` (`2019-11-09T13:34:41Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
