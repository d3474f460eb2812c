import type { DiagramProblem } from './diagramProblems';

/**
 * What a page does with the diagram on screen (the modeler, or the read-only viewer). The canvas
 * module that implements it is loaded lazily; this file holds only types so pages stay light.
 */
export interface DiagramHandle {
  /** Replaces the diagram; resolves with the import's warnings, rejects when the XML cannot be shown. */
  open: (xml: string) => Promise<string[]>;
  /** The diagram as BPMN XML. */
  xml: () => Promise<string>;
  /** Selects an element and scrolls it into view; false when the diagram has no such element. */
  select: (elementId: string) => boolean;
  /** The element's name, if it has one. */
  nameOf: (elementId: string) => string | undefined;
}

/** The props of the lazily loaded diagram canvas. */
export interface DiagramProps {
  /** The diagram shown first. */
  xml: string;
  /** The modeler with its properties panel, or a read-only viewer. */
  editable: boolean;
  /** The element templates the modeler offers (Zeebe element templates JSON). */
  elementTemplates?: readonly object[];
  /** Problems to mark on their elements. */
  problems?: readonly DiagramProblem[];
  /** Called once the first diagram is shown. */
  onReady?: (handle: DiagramHandle) => void;
  /** Called on every change the user makes (editable only). */
  onChange?: () => void;
  /** Names the canvas for screen readers. */
  label: string;
  testId: string;
}
