package io.brain.infra.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port checks before a component starts, naming the process that holds a taken port.
 */
final class Ports {

	private Ports() {
	}

	static void requireFree(String component, int port) {
		if (isFree(port)) {
			return;
		}
		String holder = holderOf(port).map((who) -> " by " + who).orElse("");
		throw new PlatformException("Port " + port + " for " + component + " is already taken" + holder
				+ ". Stop that process or choose another port (see README, Ports).");
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A free port on 127.0.0.1, for tests and benchmarks that run beside a dev platform.
	 */
	static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new PlatformException("No free port on 127.0.0.1: " + ex.getMessage());
		}
	}

	/**
	 * Finds who listens on a port from /proc on Linux: the socket's inode in
	 * /proc/net/tcp*, then the process holding that inode.
	 */
	static Optional<String> holderOf(int port) {
		try {
			String hexPort = String.format(Locale.ROOT, ":%04X", port);
			Optional<String> inode = Stream.of("/proc/net/tcp", "/proc/net/tcp6")
				.map(Path::of)
				.filter(Files::isReadable)
				.flatMap(Ports::lines)
				.map((line) -> line.trim().split("\\s+"))
				.filter((fields) -> fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals("0A"))
				.map((fields) -> fields[9])
				.findFirst();
			if (inode.isEmpty()) {
				return Optional.empty();
			}
			String socket = "socket:[" + inode.get() + "]";
			try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
				return processes.filter((dir) -> dir.getFileName().toString().matches("\\d+"))
					.filter((dir) -> holds(dir, socket))
					.findFirst()
					.map(Ports::describe);
			}
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static boolean holds(Path process, String socket) {
		try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
			return fds.anyMatch((fd) -> {
				try {
					return Files.readSymbolicLink(fd).toString().equals(socket);
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static String describe(Path process) {
		try {
			String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
				.replace('\0', ' ')
				.trim();
			if (command.length() > 120) {
				command = command.substring(0, 117) + "...";
			}
			return "process " + process.getFileName() + " (" + command + ")";
		}
		catch (IOException ex) {
			return "process " + process.getFileName();
		}
	}

	private static Stream<String> lines(Path path) {
		try {
			List<String> lines = Files.readAllLines(path);
			return lines.stream().skip(1);
		}
		catch (IOException ex) {
			return Stream.empty();
		}
	}

}
