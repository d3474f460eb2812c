package io.brain.api.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between the api and the Zeebe gateway, on the loopback only: a TCP relay
 * the tests can cut (the engine becomes unreachable, as when a broker stops) and restore
 * on the same port.
 */
final class EngineLink {

	private final InetSocketAddress engine;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	EngineLink(String engineAddress) {
		String[] hostPort = engineAddress.split(":");
		this.engine = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
		this.server = listen(0);
		this.port = this.server.getLocalPort();
		accept(this.server);
	}

	String address() {
		return "127.0.0.1:" + this.port;
	}

	/** Drops every connection and refuses new ones. */
	synchronized void cut() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
		this.sockets.forEach(EngineLink::close);
		this.sockets.clear();
	}

	/** Takes connections again, on the same port. */
	synchronized void restore() {
		if (this.server.isClosed()) {
			this.server = listen(this.port);
			accept(this.server);
		}
	}

	private static ServerSocket listen(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket listening) {
		Thread.ofVirtual().name("engine-link").start(() -> {
			while (!listening.isClosed()) {
				try {
					Socket client = listening.accept();
					Socket upstream = new Socket();
					upstream.connect(this.engine, 2000);
					this.sockets.add(client);
					this.sockets.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					// Cut, or the engine refused: the caller sees its connection closed.
				}
			}
		});
	}

	private void pump(Socket from, Socket to) {
		Thread.ofVirtual().start(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side closed.
			}
			finally {
				close(from);
				close(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		});
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}

}
