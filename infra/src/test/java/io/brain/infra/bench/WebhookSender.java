package io.brain.infra.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Posts prepared webhooks over kept-alive HTTP/1.1 connections to one address, as load
 * generators such as wrk do: the request's bytes are built before the clock starts, and
 * an answer is read no further than its status and length. The benchmark's senders stand
 * in for providers on other machines but share this machine's 2 cores with the platform;
 * the JDK's HttpClient spent about 3 ms of CPU per webhook here (a core at 300 a second)
 * against well under 1 ms for this one, and that difference was measured as the
 * platform's latency.
 */
final class WebhookSender implements AutoCloseable {

	private final String host;

	private final int port;

	private final int timeoutMillis;

	/** Idle connections, taken by one sender at a time. */
	private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

	WebhookSender(URI base, int timeoutMillis) {
		this.host = base.getHost();
		this.port = base.getPort();
		this.timeoutMillis = timeoutMillis;
	}

	/** The bytes of a POST of a JSON body to a path of this sender's address. */
	byte[] request(String path, Map<String, String> headers, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder("POST ").append(path)
			.append(" HTTP/1.1\r\nHost: ")
			.append(this.host)
			.append(':')
			.append(this.port)
			.append("\r\nContent-Type: application/json\r\nContent-Length: ")
			.append(content.length)
			.append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[start.length + content.length];
		System.arraycopy(start, 0, request, 0, start.length);
		System.arraycopy(content, 0, request, start.length, content.length);
		return request;
	}

	/**
	 * Sends a prepared request on an idle connection (a new one when none is idle) and
	 * reads its answer. An idle connection the server closed in the meantime (its
	 * keep-alive timeout) fails before any answer arrives: the request is then sent once
	 * more on a new connection, as HTTP clients do, since the server read none of it.
	 * @return the answer's status
	 * @throws IOException when the connection fails or the answer is cut; the connection
	 * is then closed
	 */
	int send(byte[] request) throws IOException {
		Connection idle = this.idle.poll();
		if (idle != null) {
			try {
				return exchange(idle, request, true);
			}
			catch (ClosedWhileIdle ex) {
				// sent again below
			}
		}
		return exchange(Connection.open(this.host, this.port, this.timeoutMillis), request, false);
	}

	private int exchange(Connection connection, byte[] request, boolean reused) throws IOException {
		boolean answering = false;
		try {
			connection.out.write(request);
			connection.out.flush();
			connection.in.mark(1);
			if (connection.in.read() < 0) {
				throw new EOFException("The connection closed before an answer");
			}
			connection.in.reset();
			answering = true;
			Answer answer = read(connection.in);
			if (answer.close()) {
				connection.socket.close();
			}
			else {
				this.idle.add(connection);
			}
			return answer.status();
		}
		catch (IOException | RuntimeException ex) {
			connection.socket.close();
			if (reused && !answering && !(ex instanceof SocketTimeoutException)) {
				throw new ClosedWhileIdle(ex);
			}
			throw (ex instanceof IOException io) ? io : new IOException("Unreadable answer", ex);
		}
	}

	/** A kept connection the server had closed: nothing of the request was read. */
	private static final class ClosedWhileIdle extends IOException {

		ClosedWhileIdle(Throwable cause) {
			super(cause);
		}

	}

	/** Reads one answer: status, headers, and its body by length or by chunks. */
	static Answer read(InputStream in) throws IOException {
		String statusLine = line(in);
		int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
		long length = 0;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(in); !header.isEmpty(); header = line(in)) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring("content-length:".length()).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
				skip(in, size);
				line(in);
			}
			// The trailer section ends with an empty line.
			for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
				// Trailers are not needed.
			}
		}
		else {
			skip(in, length);
		}
		return new Answer(status, close);
	}

	private static long chunkSize(String line) {
		int extension = line.indexOf(';');
		return Long.parseLong(((extension >= 0) ? line.substring(0, extension) : line).trim(), 16);
	}

	private static void skip(InputStream in, long bytes) throws IOException {
		if (bytes > 0) {
			in.skipNBytes(bytes);
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new EOFException("The connection closed within an answer");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		for (Connection connection = this.idle.poll(); connection != null; connection = this.idle.poll()) {
			try {
				connection.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	/** An answer as far as the benchmark reads it. */
	record Answer(int status, boolean close) {

	}

	private record Connection(Socket socket, InputStream in, OutputStream out) {

		static Connection open(String host, int port, int timeoutMillis) throws IOException {
			Socket socket = new Socket(host, port);
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(timeoutMillis);
			return new Connection(socket, new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
		}

	}

}
