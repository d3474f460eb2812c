package io.brain.workers.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.camunda.connector.api.error.ConnectorException;

/**
 * Walks a provider's pages: by page number, offset or cursor, whatever the provider uses,
 * until it says there are no more.
 */
public final class Pages {

	/**
	 * A sync reads at most this many pages: far beyond any account Brain serves, and a
	 * provider that keeps answering "more" cannot keep a job busy forever.
	 */
	static final int MAX_PAGES = 1000;

	private Pages() {
	}

	/**
	 * Fetches every page.
	 * @param provider the provider, for the message when it never stops
	 * @param fetch fetches the page at a position ({@code null} for the first) and says
	 * where the next one is ({@code null} when it was the last)
	 * @return every item of every page, in order
	 */
	public static <T> List<T> collect(String provider, Function<String, Page<T>> fetch) {
		List<T> items = new ArrayList<>();
		String next = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			Page<T> current = fetch.apply(next);
			items.addAll(current.items());
			next = current.next();
			if (next == null || next.isEmpty()) {
				return items;
			}
		}
		throw new ConnectorException("TOO_MANY_PAGES",
				provider + " kept answering more pages after " + MAX_PAGES + "; the sync stopped");
	}

	/**
	 * One page.
	 *
	 * @param items what it holds
	 * @param next where the next page is, or {@code null} after the last
	 */
	public record Page<T>(List<T> items, String next) {

		/**
		 * A page of a numbered sequence: the next one exists while {@code page < pages}.
		 */
		public static <T> Page<T> numbered(List<T> items, int page, int pages) {
			return new Page<>(items, (page < pages) ? String.valueOf(page + 1) : null);
		}

	}

}
