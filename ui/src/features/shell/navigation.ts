import type { Permission } from '../auth/permissions';

/** One entry of the left navigation. */
export interface NavItem {
  path: string;
  title: string;
  /** What a user needs to see the entry and open its page; none means everyone. */
  permission?: Permission;
}

/** A block of the left navigation, with an optional group heading. */
export interface NavSection {
  label?: string;
  items: NavItem[];
}

/** The sections and entries the user may open; sections left empty disappear. */
export function visibleSections(sections: NavSection[], can: (permission: Permission) => boolean): NavSection[] {
  return sections
    .map((section) => ({ ...section, items: section.items.filter((item) => !item.permission || can(item.permission)) }))
    .filter((section) => section.items.length > 0);
}
