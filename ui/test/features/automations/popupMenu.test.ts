// The modeler's popup menus (the palette's and the append "…", the wrench, the template chooser),
// rendered by diagram-js's own PopupMenu in jsdom and read as a user reads them.
import { within } from '@testing-library/dom';
import { Injector } from 'didi';
import EventBus from 'diagram-js/lib/core/EventBus';
import PopupMenuModule from 'diagram-js/lib/features/popup-menu';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { inWindow, popupMenuInWindow } from '../../../src/features/automations/popupMenuInWindow';

interface PopupMenu {
  registerProvider(id: string, provider: object): void;
  open(target: object, providerId: string, position: { x: number; y: number }): void;
}

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  container.remove();
});

/** diagram-js's popup menu, with Brain's module, on a stand-in canvas. */
function popupMenu(): PopupMenu {
  const canvas = { getContainer: () => container, zoom: () => 1, restoreFocus: () => {} };
  const injector = new Injector([
    { config: ['value', {}], eventBus: ['type', EventBus], canvas: ['value', canvas] },
    PopupMenuModule,
    popupMenuInWindow,
  ]);
  injector.init();
  return injector.get<PopupMenu>('popupMenu');
}

/** The connector templates, as the element templates' provider offers them in the palette's "…". */
const templates = {
  getPopupMenuEntries: () => ({
    'create.template-io.brain.slack': { label: 'Slack', description: 'Post messages to Slack channels', action: () => {} },
    'create.template-io.brain.http': { label: 'HTTP request', description: 'Call any HTTP API', action: () => {} },
  }),
};

describe('the modeler popup menu', () => {
  test('openWhenProviderGivesEntriesThenListsThem', () => {
    const menu = popupMenu();
    menu.registerProvider('bpmn-create', templates);

    menu.open({}, 'bpmn-create', { x: 100, y: 100 });

    // With a second Preact bundled (npm hoisted Preact 11 for preact-markup), diagram-js's
    // html`` built elements its Preact 10 render drops: the menu opened empty, without an error.
    const list = within(container).getByRole('listbox');
    expect(within(list).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'SlackPost messages to Slack channels',
      'HTTP requestCall any HTTP API',
    ]);
  });

  test('openWhenLowInTheWindowThenMovedUpToFitIt', () => {
    const menu = popupMenu();
    menu.registerProvider('bpmn-create', templates);
    // The palette's "…" near the bottom of a 1280×720 window, on the editor page, which is taller
    // than the window (jsdom lays nothing out: the sizes are the browser's).
    window.innerWidth = 1280;
    window.innerHeight = 720;
    const sizes = (element: Element) =>
      element === document.documentElement
        ? { width: 1280, height: 1245 }
        : element.classList.contains('djs-popup')
          ? { width: 360, height: 368 }
          : { width: 0, height: 0 };
    const original = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function () {
      return DOMRect.fromRect(sizes(this));
    };
    try {
      menu.open({}, 'bpmn-create', { x: 352, y: 707 });

      const popup = container.querySelector<HTMLElement>('.djs-popup')!;
      expect(popup.style.left).toBe('352px');
      expect(popup.style.top).toBe(`${720 - 368}px`);
    } finally {
      Element.prototype.getBoundingClientRect = original;
    }
  });
});

describe('inWindow', () => {
  const window = { width: 1280, height: 720 };

  test('whenMenuFitsThenOpensWhereAsked', () => {
    expect(inWindow({ x: 100, y: 200 }, { width: 360, height: 368 }, window)).toEqual({ x: 100, y: 200 });
  });

  test('whenMenuPassesRightOrBottomEdgeThenMovedInside', () => {
    expect(inWindow({ x: 1100, y: 600 }, { width: 360, height: 368 }, window)).toEqual({ x: 920, y: 352 });
  });

  test('whenMenuTallerThanWindowThenStartsAtItsTop', () => {
    expect(inWindow({ x: 10, y: 300 }, { width: 360, height: 900 }, window)).toEqual({ x: 10, y: 0 });
  });
});
