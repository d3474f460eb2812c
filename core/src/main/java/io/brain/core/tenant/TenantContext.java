package io.brain.core.tenant;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * The tenant the current thread works for. Every database connection the application
 * borrows states it to PostgreSQL, whose row-level security then shows only that tenant's
 * rows.
 * <p>
 * Set it from trusted sources only: the verified token or API key of a request, or the
 * deployment registry for a job.
 * <p>
 * The scope is also the {@value #LOG_KEY} of every log line written meanwhile.
 */
public final class TenantContext {

	/**
	 * The scope of platform-wide data (tenants, platform secrets, platform audit events).
	 */
	public static final String PLATFORM = "_platform";

	/** The key of the tenant in the logging context (MDC). */
	public static final String LOG_KEY = "tenant";

	private static final ThreadLocal<String> current = new ThreadLocal<>();

	private TenantContext() {
	}

	/** The scope of the current thread: a tenant id, {@link #PLATFORM}, or empty. */
	public static Optional<String> current() {
		return Optional.ofNullable(current.get());
	}

	/**
	 * Runs work for a tenant (or the platform scope), restoring the previous scope after.
	 * @param scope a tenant id or {@link #PLATFORM}
	 * @param work what to run
	 * @return what the work returned
	 */
	public static <T> T call(String scope, Supplier<T> work) {
		String previous = current.get();
		set(scope);
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	public static void run(String scope, Runnable work) {
		call(scope, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Sets the scope for the rest of a request; the caller must {@link #clear()} it.
	 */
	public static void set(String scope) {
		current.set(requireScope(scope));
		MDC.put(LOG_KEY, scope);
	}

	public static void clear() {
		current.remove();
		MDC.remove(LOG_KEY);
	}

	private static void restore(String previous) {
		if (previous == null) {
			clear();
		}
		else {
			set(previous);
		}
	}

	private static String requireScope(String scope) {
		if (!PLATFORM.equals(scope) && !TenantId.isValid(scope)) {
			throw new IllegalArgumentException("Not a tenant scope: " + scope);
		}
		return scope;
	}

}
