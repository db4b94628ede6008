/** Which storage changes make a page ask for the configuration again. */
import { describe, expect, it } from 'vitest';
import { isConfigChange } from '../../../src/platform/config-keys';

describe('isConfigChange', () => {
  it('is true for a new header or chunk in sync, and for the local configuration', () => {
    expect(isConfigChange('sync', { 'config.head': { newValue: {} } })).toBe(true);
    expect(isConfigChange('sync', { 'config.chunk.ab12.0': { newValue: 'AAAA' } })).toBe(true);
    expect(isConfigChange('local', { 'config.local': { oldValue: {} } })).toBe(true);
    expect(isConfigChange('local', { 'config.text': { newValue: '[a]' } })).toBe(true);
  });

  it('is true for the layers beside the text: the organisation\u2019s policy (and its copy), the subscription, a policy URL\u2019s copy', () => {
    expect(isConfigChange('managed', { configuration: { newValue: '[a]' } })).toBe(true);
    expect(isConfigChange('local', { 'config.managedPolicy': { newValue: {} } })).toBe(true);
    expect(isConfigChange('local', { 'config.subscription': { newValue: {} } })).toBe(true);
    expect(isConfigChange('local', { 'config.managedCopy': { oldValue: {} } })).toBe(true);
  });

  it('is false for removed chunks, the cache, other keys and other areas', () => {
    expect(isConfigChange('sync', { 'config.chunk.ab12.0': { oldValue: 'AAAA' } })).toBe(false);
    expect(isConfigChange('local', { 'config.syncCopy': { newValue: {} } })).toBe(false);
    expect(isConfigChange('local', { 'roles.recent': { newValue: {} } })).toBe(false);
    expect(isConfigChange('session', { 'config.head': { newValue: {} } })).toBe(false);
  });
});
