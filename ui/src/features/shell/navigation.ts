/** One entry of the left navigation. */
export interface NavItem {
  path: string;
  title: string;
}

/** A block of the left navigation, with an optional group heading. */
export interface NavSection {
  label?: string;
  items: NavItem[];
}
