/**
 * What a console page says about itself, read defensively: `<meta name="awsc-session-data" content="{…}">` is
 * undocumented (seen in AWS Extend Switch Roles' v6 source) and may change or vanish. Only two fields are used:
 * `prismModeEnabled` (multi-session support on) and `sessionDifferentiator` (which session the page shows).
 */
export interface PageFacts {
  prismModeEnabled?: boolean;
  differentiator?: string;
}

export function readPageFacts(doc: Document): PageFacts {
  const content = doc.querySelector('meta[name="awsc-session-data"]')?.getAttribute('content');
  if (!content) return {};
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const { prismModeEnabled, sessionDifferentiator } = data as Record<string, unknown>;
  return {
    ...(typeof prismModeEnabled === 'boolean' && { prismModeEnabled }),
    ...(typeof sessionDifferentiator === 'string' && /^[a-z0-9]{1,64}$/.test(sessionDifferentiator) && { differentiator: sessionDifferentiator }),
  };
}
