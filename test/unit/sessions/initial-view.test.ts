/** Which view the popup opens on: the role list, the Sessions view, or a renewal the notification asked for. */
import { describe, expect, it } from 'vitest';
import { initialView } from '../../../popup/sessions/initial-view';

describe('the popup\u2019s first view', () => {
  it('follows the address fragment', () => {
    expect(initialView('')).toEqual({ kind: 'roles' });
    expect(initialView('#sessions')).toEqual({ kind: 'sessions' });
    expect(initialView('#renew=3f2a9c1e-0000-4000-8000-000000000000')).toEqual({ kind: 'sessions', renew: '3f2a9c1e-0000-4000-8000-000000000000' });
    expect(initialView('#renew=<script>')).toEqual({ kind: 'roles' });
  });
});
