package io.brain.api.input;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import io.brain.api.problem.BrainProblem;
import io.brain.api.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads or stores them, requests whose path, query parameters,
 * headers or body (JSON, form or text) carry text Brain does not accept
 * ({@link InputText}): 400 problem+json naming the parameter, header or field. Webhook
 * bodies are checked by the ingress, once their signature is.
 */
class InputTextFilter extends OncePerRequestFilter {

	private final long maxBody;

	private final ProblemWriter problems;

	InputTextFilter(long maxBody, ProblemWriter problems) {
		this.maxBody = maxBody;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest checked;
		try {
			checkPath(request.getRequestURI());
			checkQuery(request.getQueryString());
			checkHeaders(request);
			checked = withCheckedBody(request);
		}
		catch (BrainProblem refused) {
			this.problems.write(request, response, refused);
			return;
		}
		chain.doFilter(checked, response);
	}

	private static void checkPath(String path) {
		try {
			InputText.percentDecoded(path, false);
		}
		catch (IllegalArgumentException ex) {
			throw BrainProblem.badInput("path", "The request's path " + ex.getMessage() + ".");
		}
	}

	private static void checkQuery(String query) {
		InputText.checkParameters(query, "query parameter");
	}

	/**
	 * Header values are bytes, read as ISO-8859-1: those beyond ASCII must form UTF-8,
	 * and none may be NUL.
	 */
	private static void checkHeaders(HttpServletRequest request) {
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				if (!isPlain(value)) {
					String text = InputText.utf8(value.getBytes(StandardCharsets.ISO_8859_1));
					if (text == null) {
						throw BrainProblem.badInput(name, "The header '" + name
								+ "' is not valid UTF-8 (an overlong, truncated or surrogate byte sequence).");
					}
					InputText.check(name, "The header '" + name + "'", text);
				}
			}
		}
	}

	/** Printable ASCII and tabs only: nothing to check further (the common case). */
	private static boolean isPlain(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t') || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads and checks a JSON, form or text body the api reads (webhooks excepted), and
	 * hands it on. Bodies of other types, over the size limit or of no declared length go
	 * on unread, to be read as their type says or refused for their size.
	 */
	private HttpServletRequest withCheckedBody(HttpServletRequest request) throws IOException {
		String type = request.getContentType();
		long length = request.getContentLengthLong();
		if (type == null || length <= 0 || length > this.maxBody || request.getRequestURI().startsWith("/hooks/")) {
			return request;
		}
		MediaType mediaType;
		try {
			mediaType = MediaType.parseMediaType(type);
		}
		catch (IllegalArgumentException ex) {
			return request;
		}
		boolean json = mediaType.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| (mediaType.getSubtype().endsWith("+json"));
		boolean form = mediaType.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED);
		boolean text = mediaType.getType().equals("text");
		if (!json && !form && !text) {
			return request;
		}
		byte[] body = request.getInputStream().readNBytes((int) length);
		if (json) {
			InputText.checkJson(body);
		}
		else {
			String decoded = InputText.utf8(body);
			if (decoded == null) {
				throw BrainProblem.badInput("body",
						"The request body is not valid UTF-8 (an overlong, truncated or surrogate byte sequence).");
			}
			if (form) {
				InputText.checkParameters(decoded, "form field");
			}
			else {
				InputText.check("body", "The request body", decoded);
			}
		}
		return new CheckedBody(request, body);
	}

	/** The request, with its body read already. */
	private static final class CheckedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CheckedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] bytes, int offset, int length) {
					return in.read(bytes, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

	}

}
