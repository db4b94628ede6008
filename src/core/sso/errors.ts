/**
 * IAM Identity Center errors as sentences a person can act on. The SDK's exception names:
 * OIDC https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html#API_CreateToken_Errors
 * portal https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html#API_GetRoleCredentials_Errors
 */
export type SsoErrorCode = 'sso-denied' | 'sso-expired' | 'sso-login-required' | 'sso-error' | 'network';

export interface SsoFailure {
  code: SsoErrorCode;
  message: string;
  /** The token is no good any more (revoked, expired, signed out): drop it and sign in again. */
  tokenRejected: boolean;
}

export function describeSsoError(name: string, context: { startUrl: string; accountId?: string; roleName?: string }): SsoFailure {
  const where = `IAM Identity Center (${context.startUrl})`;
  switch (name) {
    case 'AccessDeniedException':
      return { code: 'sso-denied', message: `The sign-in was denied on the AWS page. Sign in again and choose Allow.`, tokenRejected: false };
    case 'ExpiredTokenException':
      return { code: 'sso-expired', message: `The sign-in code expired before it was approved. Sign in again and approve it within 10 minutes.`, tokenRejected: false };
    case 'UnauthorizedException':
    case 'InvalidGrantException':
      return { code: 'sso-login-required', message: `Your ${where} sign-in has ended. Sign in again.`, tokenRejected: true };
    case 'ForbiddenException':
    case 'ResourceNotFoundException':
      return {
        code: 'sso-error',
        message: `${where} gives you no access to ${context.roleName ?? 'this role'} in account ${context.accountId ?? '?'}: ` +
          `check sso_account_id and sso_role_name, or ask your administrator for that permission set.`,
        tokenRejected: false,
      };
    case 'TooManyRequestsException':
      return { code: 'sso-error', message: `${where} is limiting requests. Wait a minute and try again.`, tokenRejected: false };
    case 'InvalidRequestException':
    case 'InvalidClientException':
    case 'UnauthorizedClientException':
      return { code: 'sso-error', message: `${where} refused the request: check sso_start_url and sso_region on the options page.`, tokenRejected: false };
    case 'TypeError':
      return { code: 'network', message: 'AWS could not be reached. Check your network connection and try again.', tokenRejected: false };
    default:
      return { code: 'sso-error', message: `${where} answered ${name}. Try again; if it persists, sign in again.`, tokenRejected: false };
  }
}

/** True for a URL AWS may send a person to for approval: https on an AWS-owned host, never anything else. */
export function isAwsVerificationUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname;
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
      && [/\.amazonaws\.com$/, /\.amazonaws\.com\.cn$/, /\.awsapps\.com$/, /\.awsapps\.com\.cn$/, /\.amazonaws-us-gov\.com$/].some((re) => re.test(host));
  } catch {
    return false;
  }
}
