package io.brain.api.problem;

/**
 * The one check of the page and size parameters every paged list takes.
 */
public final class Paging {

	/** The largest page any list serves. */
	public static final int MAX_SIZE = 200;

	private Paging() {
	}

	/**
	 * Refuses a page before the first or a size outside 1 to {@value #MAX_SIZE}.
	 * @throws BrainProblem 400 naming the parameter
	 */
	public static void check(int page, int size) {
		if (page < 0) {
			throw BrainProblem.badInput("page", "The page must be 0 or more.");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw BrainProblem.badInput("size", "The page size must be between 1 and " + MAX_SIZE + ".");
		}
	}

}
