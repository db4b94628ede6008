/** The Sessions view's data: the registry with tab titles, the settings and what the console said about its mode. */
import { fullPartitions, modesOf, summarize, type SessionsOverview, type SessionSummary } from '../../core/sessions/summary';
import type { SessionRecord, SessionRegistry } from '../../core/sessions/model';
import { tabState } from '../../platform/tab-control';
import { loadSessionSettings } from './store';

export async function overview(registry: SessionRegistry): Promise<SessionsOverview> {
  const settings = await loadSessionSettings();
  const sessions = await Promise.all(registry.sessions.map((s) => summaryOf(s, registry, settings.autoRenew)));
  // Newest first: the session just opened is the one the person looks for.
  sessions.sort((a, b) => b.startedAt - a.startedAt);
  return { sessions, warnMinutes: settings.warnMinutes, modes: modesOf(registry), full: fullPartitions(registry) };
}

export async function summaryOf(session: SessionRecord, registry: SessionRegistry, autoRenew?: string[]): Promise<SessionSummary> {
  const renewing = autoRenew ?? (await loadSessionSettings()).autoRenew;
  const tabs = await Promise.all(
    session.tabs.map(async (id) => {
      const title = (await tabState(id))?.title;
      return { id, ...(title !== undefined && { title }) };
    }),
  );
  return summarize(session, registry, tabs, renewing.includes(session.profile));
}
