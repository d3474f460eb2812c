/** Offers a diagram as a `.bpmn` file download. */
export function downloadBpmn(fileName: string, xml: string): void {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.bpmn') ? fileName : `${fileName}.bpmn`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the URL can go once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The largest file the import reads: the api refuses diagrams over 1,000,000 characters. */
export const MAX_BPMN_BYTES = 1_000_000;
