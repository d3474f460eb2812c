/** A clear, announced error with an optional retry. */
export function ErrorBox({
  title,
  message,
  onRetry,
  testId,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  testId?: string;
}) {
  return (
    <div className="error-box" role="alert" data-testid={testId}>
      <p className="error-box-title">{title}</p>
      <p className="error-box-message">{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
