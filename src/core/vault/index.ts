/** The encrypted vault for long-term access keys: pure TypeScript on WebCrypto, no browser API. */
export { fromBase64, toBase64 } from '../base64';
export { parseEntries, serializeEntries, type VaultEntries, type VaultEntry } from './entries';
export { VaultError, type VaultErrorKind } from './errors';
export { DEFAULT_ITERATIONS, parseSealedVault, VAULT_VERSION, type KdfParams, type SealedBox, type SealedVault } from './format';
export {
  changePassphrase, checkPassphrase, createVault, DEFAULT_POLICY, needsUpgrade, openVault, openWithKey, resealVault,
  type OpenedVault, type VaultPolicy,
} from './vault';
export { boxContext, open as openBox, seal as sealBox } from './crypto';
