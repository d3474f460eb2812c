/** What a paged list answer holds, as the api's `*Page` schemas have it. */
export interface PageOf {
  items: readonly unknown[];
  page: number;
  size: number;
  total: number;
}

/**
 * Which rows are shown of how many, and the way to the previous and next page. Its parts carry the
 * test ids `<testId>-range`, `<testId>-previous` and `<testId>-next`.
 */
export function Pager({
  data,
  page,
  busy,
  onPage,
  testId,
}: {
  data: PageOf;
  /** The page asked for. */
  page: number;
  busy: boolean;
  onPage: (page: number) => void;
  testId: string;
}) {
  const first = data.items.length > 0 ? data.page * data.size + 1 : 0;
  const last = data.page * data.size + data.items.length;
  return (
    <div className="pager">
      <span data-testid={`${testId}-range`}>
        {first}–{last} of {data.total}
      </span>
      <button
        type="button"
        className="button button-small"
        data-testid={`${testId}-previous`}
        disabled={page === 0 || busy}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </button>
      <button
        type="button"
        className="button button-small"
        data-testid={`${testId}-next`}
        disabled={last >= data.total || busy}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </div>
  );
}
