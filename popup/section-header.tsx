/**
 * A section header (Favourites, Recently used, or a group). It is an option too, so the keyboard reaches it:
 * Enter or a click opens and closes the section. Its name says the state, as options cannot carry aria-expanded,
 * and begins with what it shows, "Payments (2)", so speech input finds it by its visible text (WCAG 2.5.3).
 */
import { t } from './i18n';
import type { Section } from './sections';

export function sectionTitle(section: Section): string {
  if (section.kind === 'favourites') return t('popupFavourites');
  if (section.kind === 'recent') return t('popupRecent');
  // The roles without a `group`, together (sections.ts): a name of their own only when beside other sections.
  return section.name === '' ? t('popupUngrouped') : section.name;
}

export interface SectionHeaderProps {
  section: Section;
  collapsed: boolean;
  id: string;
  top: number;
  height: number;
  active: boolean;
  position: number;
  setSize: number;
  onToggle: () => void;
}

export function SectionHeader(props: SectionHeaderProps) {
  const title = sectionTitle(props.section);
  const count = String(props.section.members.length);
  return (
    <div
      role="option"
      id={props.id}
      class={`section ${props.section.kind}`}
      aria-label={t(props.collapsed ? 'popupSectionCollapsed' : 'popupSectionExpanded', title, count)}
      aria-selected={props.active}
      aria-posinset={props.position}
      aria-setsize={props.setSize}
      style={{ top: `${props.top}px`, height: `${props.height}px` }}
      onClick={props.onToggle}
    >
      <span class="chevron" aria-hidden="true">{props.collapsed ? '▸' : '▾'}</span>
      <span class="title">{title}</span>
      <span class="count">({count})</span>
    </div>
  );
}
