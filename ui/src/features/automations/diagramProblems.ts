import type { Problem } from '../../api/result';

/** One problem of a diagram, as the api names it: on an element, or the whole document's. */
export interface DiagramProblem {
  elementId?: string;
  message: string;
}

/**
 * The problems of a diagram the api refused to save or deploy (problem+json `problems[]`);
 * none when the refusal was for another reason.
 */
export function diagramProblemsOf(problem: Problem): DiagramProblem[] {
  const list = problem.body.problems;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { elementId, message } = entry as Record<string, unknown>;
    if (typeof message !== 'string') return [];
    return [typeof elementId === 'string' && elementId ? { elementId, message } : { message }];
  });
}
