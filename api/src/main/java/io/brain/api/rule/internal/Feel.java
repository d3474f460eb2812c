package io.brain.api.rule.internal;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FEEL text made from what users typed, so their text is only ever a quoted string, a
 * number, a boolean or a checked variable path, never pasted into an expression as it is.
 */
public final class Feel {

	/** The longest variable path a condition may name. */
	public static final int MAX_PATH_LENGTH = 200;

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** Words FEEL reads as its own, which a path segment cannot be. */
	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false", "null", "if", "then",
			"else", "for", "in", "return", "some", "every", "satisfies", "instance", "of", "function", "between");

	private Feel() {
	}

	/**
	 * Whether a text is a variable path FEEL reads as one: names of letters, digits and
	 * underscores (not starting with a digit, not a FEEL keyword) joined by dots.
	 */
	public static boolean isPath(String path) {
		if (path == null || path.isEmpty() || path.length() > MAX_PATH_LENGTH) {
			return false;
		}
		for (String segment : path.split("\\.", -1)) {
			if (!NAME.matcher(segment).matches() || KEYWORDS.contains(segment)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A FEEL string literal of a text: quoted, with backslash, quote, newline, carriage
	 * return and tab escaped.
	 * @throws IllegalArgumentException for other control characters, which FEEL cannot
	 * quote
	 */
	public static String string(String text) {
		StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> literal.append("\\\\");
				case '"' -> literal.append("\\\"");
				case '\n' -> literal.append("\\n");
				case '\r' -> literal.append("\\r");
				case '\t' -> literal.append("\\t");
				default -> {
					if (Character.isISOControl(c)) {
						throw new IllegalArgumentException("holds a control character (U+"
								+ String.format("%04X", (int) c) + "), which a condition cannot compare");
					}
					literal.append(c);
				}
			}
		}
		return literal.append('"').toString();
	}

	/** A FEEL number literal: plain digits, FEEL having no exponent notation. */
	public static String number(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString();
	}

	/**
	 * The FEEL literal of a JSON scalar: a string, a number or a boolean.
	 * @throws IllegalArgumentException for anything else
	 */
	public static String literal(Object value) {
		if (value instanceof String text) {
			return string(text);
		}
		if (value instanceof Boolean bool) {
			return bool.toString();
		}
		if (value instanceof Number number) {
			return number(decimal(number));
		}
		throw new IllegalArgumentException("must be a string, a number or a boolean");
	}

	/**
	 * A number as a decimal, or null for a value that is not a number.
	 */
	public static BigDecimal decimal(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			return Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
		}
		if (value instanceof java.math.BigInteger integer) {
			return new BigDecimal(integer);
		}
		return null;
	}

}
