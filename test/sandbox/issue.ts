/**
 * Making temporary credentials and the XML block STS returns them in.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html
 */
import { secretAccessKey, sessionToken, temporaryAccessKeyId } from './ids.js';
import type { IssuedCredentials, SandboxState } from './state.js';
import { isoSeconds, type XmlNode } from './sts-xml.js';

export type CredentialFacts = Omit<IssuedCredentials, 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'issuedAt' | 'expiresAt'>;

export function issueCredentials(state: SandboxState, facts: CredentialFacts, durationSeconds: number): IssuedCredentials {
  const now = state.now();
  const creds: IssuedCredentials = {
    ...facts,
    accessKeyId: temporaryAccessKeyId(),
    secretAccessKey: secretAccessKey(),
    sessionToken: sessionToken(),
    issuedAt: now,
    expiresAt: now + durationSeconds * 1000,
  };
  state.credentials.set(creds.accessKeyId, creds);
  return creds;
}

export function credentialsXml(creds: IssuedCredentials): XmlNode {
  return {
    AccessKeyId: creds.accessKeyId,
    SecretAccessKey: creds.secretAccessKey,
    SessionToken: creds.sessionToken,
    Expiration: isoSeconds(creds.expiresAt),
  };
}
