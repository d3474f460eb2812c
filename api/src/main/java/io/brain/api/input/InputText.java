package io.brain.api.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.brain.api.problem.BrainProblem;

/**
 * The one rule for text Brain takes in (docs/decisions/0015-text-brain-refuses.md): it is
 * valid UTF-8 (no overlong or truncated sequences, no encoded surrogates) and holds
 * neither NUL (U+0000) nor a lone surrogate. PostgreSQL cannot store either, and
 * accepting one means a request that fails half-way, or text that reads differently from
 * what was sent. Every entry point (request filter, webhook ingress, run starts) asks
 * here, and a refusal names the field or parameter at fault.
 */
public final class InputText {

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private InputText() {
	}

	/**
	 * Why a text cannot be taken, or {@code null} when it can.
	 * @param text the text, decoded
	 * @return the reason, as the end of a sentence ("holds a NUL character ...")
	 */
	public static String problem(String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return "holds a NUL character (U+0000), which Brain does not accept";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return loneSurrogate(c);
			}
			if (Character.isLowSurrogate(c)) {
				return loneSurrogate(c);
			}
		}
		return null;
	}

	private static String loneSurrogate(char c) {
		return String.format("holds a lone surrogate (U+%04X), which is not a character", (int) c);
	}

	/**
	 * Refuses a text with a 400 naming its field or parameter.
	 * @param field the field or parameter at fault
	 * @param what how the request names it, e.g. "The query parameter 'q'"
	 * @param text the text
	 * @throws BrainProblem 400 when the text holds what Brain does not accept
	 */
	public static void check(String field, String what, String text) {
		String problem = problem(text);
		if (problem != null) {
			throw BrainProblem.badInput(field, what + " " + problem + ".");
		}
	}

	/**
	 * Decodes UTF-8 bytes strictly.
	 * @return the text, or {@code null} when the bytes are not valid UTF-8 (overlong,
	 * truncated, an encoded surrogate, a byte that starts nothing)
	 */
	public static String utf8(byte[] bytes) {
		return utf8(bytes, 0, bytes.length);
	}

	private static String utf8(byte[] bytes, int offset, int length) {
		try {
			return decoder().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static CharsetDecoder decoder() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** Where in a byte array the first byte that is not valid UTF-8 is, or -1. */
	private static int firstMalformed(byte[] bytes) {
		CharsetDecoder decoder = decoder();
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			return in.position();
		}
		return decoder.flush(out).isError() ? in.position() : -1;
	}

	/**
	 * Percent-decodes a part of a URL (a path, a query parameter's name or value) and
	 * checks the text it gives.
	 * @param encoded the part as sent
	 * @param plusIsSpace whether {@code +} stands for a space (query and form encoding)
	 * @return the decoded text
	 * @throws IllegalArgumentException saying what is wrong, as the end of a sentence
	 */
	public static String percentDecoded(String encoded, boolean plusIsSpace) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				int high = (i + 2 < encoded.length()) ? Character.digit(encoded.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(encoded.charAt(i + 2), 16) : -1;
				if (low < 0) {
					throw new IllegalArgumentException(
							"is not percent-encoded correctly ('%' must be followed by two hexadecimal digits)");
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else if (c == '+' && plusIsSpace) {
				bytes.write(' ');
			}
			else if (c > 0x7F) {
				// Sent unencoded: the server read the bytes as ISO-8859-1.
				bytes.write(c & 0xFF);
			}
			else {
				bytes.write(c);
			}
		}
		String decoded = utf8(bytes.toByteArray());
		if (decoded == null) {
			throw new IllegalArgumentException(
					"is not valid UTF-8 once percent-decoded (an overlong, truncated or surrogate byte sequence)");
		}
		String problem = problem(decoded);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return decoded;
	}

	/**
	 * Refuses parameters, as a query or a form body carries them
	 * ({@code name=value&...}), that are not percent-encoded correctly or hold what Brain
	 * does not accept.
	 * @param encoded the query or body as sent
	 * @param kind what a parameter is, e.g. "query parameter" or "form field"
	 * @throws BrainProblem 400 naming the parameter ({@code query} or {@code body} when
	 * its name is at fault)
	 */
	public static void checkParameters(String encoded, String kind) {
		if (encoded == null || encoded.isEmpty()) {
			return;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String rawName = (equals >= 0) ? pair.substring(0, equals) : pair;
			String name;
			try {
				name = percentDecoded(rawName, true);
			}
			catch (IllegalArgumentException ex) {
				throw BrainProblem.badInput(kind.startsWith("query") ? "query" : "body",
						"The name of a " + kind + " " + ex.getMessage() + ".");
			}
			if (equals >= 0) {
				try {
					percentDecoded(pair.substring(equals + 1), true);
				}
				catch (IllegalArgumentException ex) {
					throw BrainProblem.badInput(name, "The " + kind + " '" + name + "' " + ex.getMessage() + ".");
				}
			}
		}
	}

	/**
	 * Refuses a body as the webhook ingress takes it, whatever its declared type: valid
	 * UTF-8 without NUL, and, where it is JSON or a form, no field holding what Brain
	 * does not accept.
	 * @param body the body's bytes
	 * @param contentType its declared type, if any
	 * @throws BrainProblem 400 naming the field at fault
	 */
	public static void checkBody(byte[] body, String contentType) {
		String text = utf8(body);
		if (text == null) {
			checkJson(body);
			throw BrainProblem.badInput("body",
					"The request body is not valid UTF-8 (an overlong, truncated or surrogate byte sequence).");
		}
		check("body", "The request body", text);
		String trimmed = text.stripLeading();
		if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
			checkJson(body);
		}
		else if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
			checkParameters(text, "form field");
		}
	}

	/**
	 * Refuses a JSON body that is not valid UTF-8, or any of whose field names or string
	 * values (of known fields and unknown ones alike) holds what Brain does not accept. A
	 * body that is not JSON is left to whoever reads it.
	 * @param body the body's bytes
	 * @throws BrainProblem 400 naming the field at fault ({@code body} when it is not
	 * one)
	 */
	public static void checkJson(byte[] body) {
		int malformed = firstMalformed(body);
		try (JsonParser parser = JSON.createParser(body)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
					String text = parser.getText();
					boolean name = token == JsonToken.FIELD_NAME;
					// A bad name is not repeated back: the problem names its object.
					String field = name ? field(parser.getParsingContext().getParent())
							: field(parser.getParsingContext());
					String what = name ? "A field name in t" + describe(field).substring(1) : describe(field);
					if (malformed >= 0 && parser.currentLocation().getByteOffset() > malformed) {
						throw BrainProblem.badInput(field,
								what + " is not valid UTF-8 (an overlong, truncated or surrogate byte sequence).");
					}
					String problem = problem(text);
					if (problem != null) {
						throw BrainProblem.badInput(field, what + " " + problem + ".");
					}
				}
			}
		}
		catch (IOException notJson) {
			// Not JSON (or not JSON past this point): the reader answers for its shape.
		}
		if (malformed >= 0) {
			throw BrainProblem.badInput("body",
					"The request body is not valid UTF-8 (an overlong, truncated or surrogate byte sequence).");
		}
	}

	/**
	 * Refuses a value about to be stored or handed on (a run's variables, as maps, lists
	 * and strings) whose keys or strings hold what Brain does not accept.
	 * @return the first problem, or {@code null}
	 */
	public static Refusal refusalIn(Object value) {
		Deque<String> path = new ArrayDeque<>();
		return refusalIn(value, path);
	}

	private static Refusal refusalIn(Object value, Deque<String> path) {
		if (value instanceof String text) {
			String problem = problem(text);
			return (problem != null) ? new Refusal(String.join("", path), problem) : null;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				String name = path.isEmpty() ? key : "." + key;
				path.addLast(name);
				try {
					String problem = problem(key);
					if (problem != null) {
						return new Refusal(String.join("", path), "its name " + problem);
					}
					Refusal refusal = refusalIn(entry.getValue(), path);
					if (refusal != null) {
						return refusal;
					}
				}
				finally {
					path.removeLast();
				}
			}
			return null;
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				path.addLast("[" + i + "]");
				try {
					Refusal refusal = refusalIn(list.get(i), path);
					if (refusal != null) {
						return refusal;
					}
				}
				finally {
					path.removeLast();
				}
			}
		}
		return null;
	}

	/** A field, as {@code a.b[0].c}, or {@code body} for the body itself. */
	private static String field(JsonStreamContext context) {
		Deque<String> parts = new ArrayDeque<>();
		for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
			if (at.inObject() && at.getCurrentName() != null) {
				parts.addFirst(at.getCurrentName());
			}
			else if (at.inArray()) {
				parts.addFirst("[" + Math.max(at.getCurrentIndex(), 0) + "]");
			}
		}
		if (parts.isEmpty()) {
			return "body";
		}
		StringBuilder field = new StringBuilder();
		for (String part : parts) {
			if (!field.isEmpty() && !part.startsWith("[")) {
				field.append('.');
			}
			field.append(part);
		}
		return field.toString();
	}

	private static String describe(String field) {
		return field.equals("body") ? "The request body" : "The request body's field '" + field + "'";
	}

	/**
	 * Why a value cannot be taken.
	 *
	 * @param field where in the value, as {@code a.b[0]} ({@code ""} for the value
	 * itself)
	 * @param reason what is wrong, as the end of a sentence
	 */
	public record Refusal(String field, String reason) {

	}

}
