import type { DiagramProblem } from './diagramProblems';

/**
 * Why the api refused a diagram: each problem with the element it is on. A problem on an element
 * is a button that selects that element on the canvas (where it is marked too).
 */
export function ProblemList({
  title,
  problems,
  nameOf,
  onSelect,
}: {
  title: string;
  problems: readonly DiagramProblem[];
  /** The element's name, if it has one, to say where a problem is. */
  nameOf: (elementId: string) => string | undefined;
  onSelect: (elementId: string) => void;
}) {
  return (
    <div className="error-box problem-list" role="alert" data-testid="editor-problems">
      <p className="error-box-title">
        {title}: {problems.length === 1 ? '1 problem' : `${problems.length} problems`}
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} data-testid="editor-problem" data-element-id={problem.elementId}>
            {problem.elementId ? (
              <button
                type="button"
                className="problem-link"
                data-testid="editor-problem-select"
                onClick={() => onSelect(problem.elementId!)}
              >
                <span className="strong">{nameOf(problem.elementId) ?? problem.elementId}</span>: {problem.message}
              </button>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
