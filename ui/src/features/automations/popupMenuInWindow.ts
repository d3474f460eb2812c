/** Where a popup menu opens: its top-left corner, in window coordinates. */
export interface MenuPosition {
  x: number;
  y: number;
}

/** The part of diagram-js's popup menu this module changes. */
interface PopupMenu {
  _ensureVisible(container: HTMLElement, position: MenuPosition): MenuPosition;
}

/**
 * Keeps the modeler's popup menus (the palette's and the append "…", the wrench, the template
 * chooser) inside the browser window. diagram-js fits a menu (`position: fixed`) into the bounds of
 * the whole document, as in a modeler that fills the window; Brain's editor page is taller than the
 * window, so a menu opened low on the screen fell below its bottom edge, out of reach.
 */
function PopupMenuInWindow(popupMenu: PopupMenu) {
  popupMenu._ensureVisible = (container, position) => {
    const { width, height } = container.getBoundingClientRect();
    return inWindow(position, { width, height }, { width: window.innerWidth, height: window.innerHeight });
  };
}
PopupMenuInWindow.$inject = ['popupMenu'];

/** The modeler module (diagram-js's `additionalModules`). */
export const popupMenuInWindow = {
  __init__: ['popupMenuInWindow'],
  popupMenuInWindow: ['type', PopupMenuInWindow],
};

type Size = { width: number; height: number };

/**
 * Where a menu of the given size opens, asked to open at `position`: there if it fits, else moved
 * left and up just enough to end at the window's edges, never beyond its top-left corner.
 */
export function inWindow(position: MenuPosition, menu: Size, window: Size): MenuPosition {
  return {
    x: Math.max(0, Math.min(position.x, window.width - menu.width)),
    y: Math.max(0, Math.min(position.y, window.height - menu.height)),
  };
}
