// The Camunda 8 modeler and viewer (camunda-bpmn-js, about 3 MB): this module is its own chunk,
// loaded only when a diagram is on screen. Pages import its types from diagramHandle.ts.
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
// The modeler's stylesheet pulls in diagram-js.css, bpmn-js.css, the embedded bpmn-font (the palette
// icons), the properties panel and the element template chooser.
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import { useEffect, useRef, useState } from 'react';
import { ErrorBox } from '../shell/ErrorBox';
import type { DiagramHandle, DiagramProps } from './diagramHandle';
import type { DiagramProblem } from './diagramProblems';
import { popupMenuInWindow } from './popupMenuInWindow';

/** The parts of diagram-js this module uses, typed as it uses them. */
interface DiagramElement {
  id: string;
  businessObject?: { name?: string };
}
interface Canvas {
  zoom(level: number | 'fit-viewport', center?: 'auto'): number;
  addMarker(element: DiagramElement, marker: string): void;
  removeMarker(element: DiagramElement, marker: string): void;
  scrollToElement(element: DiagramElement, padding?: number): void;
  focus(): void;
}
interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
}
interface Overlays {
  add(element: DiagramElement, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface Selection {
  select(element: DiagramElement): void;
}

type Diagram = Modeler | NavigatedViewer;

/** The marker class (and overlay type) of an element with a problem. */
const PROBLEM = 'diagram-problem';

/**
 * A BPMN diagram: the Camunda 8 modeler with its properties panel and the connector element
 * templates, or a read-only viewer. Problems are marked on their elements with a red outline and
 * a badge naming them. The page works with the diagram through the handle given to `onReady`.
 */
export default function DiagramCanvas({
  xml,
  editable,
  elementTemplates,
  problems,
  onReady,
  onChange,
  label,
  testId,
}: DiagramProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onReady, onChange });
  const [diagram, setDiagram] = useState<Diagram>();
  // Counts the diagrams shown, so the problem markers are put on the elements of the newest one.
  const [shown, setShown] = useState(0);
  const [failure, setFailure] = useState<string>();
  const [templateErrors, setTemplateErrors] = useState<string[]>([]);

  useEffect(() => {
    callbacks.current = { onReady, onChange };
  }, [onReady, onChange]);

  // The modeler is created once, with the first diagram; later diagrams arrive through open().
  useEffect(() => {
    const container = canvasRef.current!;
    const instance: Diagram = editable
      ? new Modeler({
          container,
          propertiesPanel: { parent: panelRef.current! },
          elementTemplates: [...(elementTemplates ?? [])],
          additionalModules: [popupMenuInWindow],
        })
      : new NavigatedViewer({ container });
    let live = true;
    const canvas = instance.get<Canvas>('canvas');
    const registry = instance.get<ElementRegistry>('elementRegistry');

    if (editable) {
      // A cleared command stack (a new diagram) is not a change of the user's.
      instance.on<{ trigger?: string }>('commandStack.changed', ({ trigger }) => {
        if (trigger !== 'clear') callbacks.current.onChange?.();
      });
      instance.on<{ errors: unknown[] }>('elementTemplates.errors', ({ errors }) =>
        setTemplateErrors(errors.map(messageOf)),
      );
    }

    const open = async (next: string) => {
      const { warnings } = await instance.importXML(next);
      if (live) {
        // Small diagrams are shown at their size, large ones made to fit.
        if (canvas.zoom('fit-viewport', 'auto') > 1) canvas.zoom(1, 'auto');
        setShown((count) => count + 1);
      }
      return warnings.map(messageOf);
    };
    const handle: DiagramHandle = {
      open,
      xml: async () => (await instance.saveXML({ format: true })).xml ?? '',
      select: (elementId) => {
        const element = registry.get(elementId);
        if (!element) return false;
        instance.get<Selection>('selection').select(element);
        canvas.scrollToElement(element, 80);
        canvas.focus();
        return true;
      },
      nameOf: (elementId) => registry.get(elementId)?.businessObject?.name || undefined,
    };

    open(xml).then(
      () => {
        if (!live) return;
        setDiagram(instance);
        callbacks.current.onReady?.(handle);
      },
      (error: unknown) => live && setFailure(messageOf(error)),
    );
    return () => {
      live = false;
      instance.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once per mount, see above
  }, []);

  useEffect(() => {
    if (!diagram || !problems?.length) return;
    const canvas = diagram.get<Canvas>('canvas');
    const registry = diagram.get<ElementRegistry>('elementRegistry');
    const overlays = diagram.get<Overlays>('overlays');
    const marked: DiagramElement[] = [];
    for (const [elementId, messages] of byElement(problems)) {
      const element = registry.get(elementId);
      if (!element) continue;
      canvas.addMarker(element, PROBLEM);
      overlays.add(element, PROBLEM, { position: { top: -12, right: 12 }, html: problemBadge(elementId, messages) });
      marked.push(element);
    }
    return () => {
      overlays.remove({ type: PROBLEM });
      for (const element of marked) canvas.removeMarker(element, PROBLEM);
    };
  }, [diagram, problems, shown]);

  return (
    <div className={editable ? 'diagram diagram-editable' : 'diagram'}>
      {failure && <ErrorBox title="The diagram could not be shown" message={failure} testId={`${testId}-failure`} />}
      {templateErrors.length > 0 && (
        <p className="field-hint warning" data-testid="editor-template-errors">
          Some connector templates could not be offered: {templateErrors.join('; ')}
        </p>
      )}
      <div className="diagram-body">
        <div
          ref={canvasRef}
          className="diagram-canvas"
          role="region"
          aria-label={label}
          data-testid={testId}
          data-ready={diagram ? 'true' : 'false'}
        />
        {editable && (
          <div
            ref={panelRef}
            className="diagram-properties"
            role="region"
            aria-label="Properties of the selected element"
            data-testid="editor-properties"
          />
        )}
      </div>
    </div>
  );
}

/** The problems by element id, in the order the api named them. */
function byElement(problems: readonly DiagramProblem[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const { elementId, message } of problems) {
    if (elementId) grouped.set(elementId, [...(grouped.get(elementId) ?? []), message]);
  }
  return grouped;
}

/** The badge beside an element with problems; built as DOM so the messages are text, never markup. */
function problemBadge(elementId: string, messages: string[]): HTMLElement {
  const badge = document.createElement('div');
  badge.className = 'diagram-problem-badge';
  badge.dataset.testid = 'diagram-problem';
  badge.dataset.problemElement = elementId;
  badge.title = messages.join('\n');
  badge.setAttribute('role', 'img');
  badge.setAttribute('aria-label', `Problem: ${messages.join(' ')}`);
  badge.textContent = messages.length > 1 ? String(messages.length) : '!';
  return badge;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
