/** Which container a role uses: found by name, made when missing, and only the extension's own ever changed. */
import { describe, expect, it } from 'vitest';
import { CONTAINER_ICON, containerSpec, liveOwned, planContainer, staleContainers, type ExistingContainer } from '../../../src/core/containers';

const container = (n: number, name: string, color = 'blue', icon = CONTAINER_ICON): ExistingContainer => ({ cookieStoreId: `firefox-container-${n}`, name, color, icon });
const personal = container(1, 'Personal', 'blue', 'fingerprint');
const prodSpec = containerSpec({ name: 'prod-admin', color: '#c62828' });

describe('a role\u2019s container', () => {
  it('is named after the profile, coloured from its colour, with the fingerprint icon', () => {
    expect(prodSpec).toEqual({ name: 'prod-admin', color: 'red', icon: 'fingerprint' });
    expect(containerSpec({ name: 'no-colour' })).toEqual({ name: 'no-colour', color: 'toolbar', icon: 'fingerprint' });
  });

  it('is made when no container has the profile\u2019s name', () => {
    expect(planContainer(prodSpec, [personal, container(2, 'prod-admin-old', 'red')], [])).toEqual({ action: 'create', spec: prodSpec });
  });

  it('is reused by name, a container the extension made', () => {
    expect(planContainer(prodSpec, [personal, container(5, 'prod-admin', 'red')], ['firefox-container-5'])).toEqual({ action: 'use', cookieStoreId: 'firefox-container-5' });
  });

  it('follows the profile when its colour changed, for a container the extension made', () => {
    expect(planContainer(prodSpec, [container(5, 'prod-admin', 'green', 'circle')], ['firefox-container-5'])).toEqual({
      action: 'update',
      cookieStoreId: 'firefox-container-5',
      changes: { color: 'red', icon: 'fingerprint' },
    });
  });

  it('never signs into a container the person made, even named like the profile: it makes its own beside it', () => {
    expect(planContainer(prodSpec, [container(3, 'prod-admin', 'purple', 'briefcase')], [])).toEqual({ action: 'create', spec: prodSpec });
  });

  it('prefers its own over the person\u2019s of the same name, and the oldest of two its own (a race)', () => {
    const existing = [container(3, 'prod-admin', 'purple'), container(12, 'prod-admin', 'red'), container(10, 'prod-admin', 'red')];
    expect(planContainer(prodSpec, existing, ['firefox-container-12', 'firefox-container-10'])).toEqual({ action: 'use', cookieStoreId: 'firefox-container-10' });
    expect(planContainer(prodSpec, existing, [])).toEqual({ action: 'create', spec: prodSpec });
  });

  it('matches the name exactly', () => {
    expect(planContainer(prodSpec, [container(4, 'Prod-Admin', 'red')], ['firefox-container-4']).action).toBe('create');
  });
});

describe('cleaning up', () => {
  const existing = [personal, container(2, 'prod-admin', 'red'), container(3, 'gone-role', 'green'), container(4, 'gone-but-open'), container(5, 'my-own-gone')];
  const owned = ['firefox-container-2', 'firefox-container-3', 'firefox-container-4', 'firefox-container-99'];

  it('removes only containers the extension made, for profiles that are gone, with no tab open', () => {
    expect(staleContainers(existing, owned, ['prod-admin'], new Set(['firefox-container-4', 'firefox-default']))).toEqual(['firefox-container-3']);
  });

  it('forgets owned containers that no longer exist', () => {
    expect(liveOwned(owned, existing)).toEqual(['firefox-container-2', 'firefox-container-3', 'firefox-container-4']);
  });
});
