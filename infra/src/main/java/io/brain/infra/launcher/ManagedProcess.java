package io.brain.infra.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One component of the platform run as a child process, its output in a log file.
 */
final class ManagedProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private ManagedProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path directory,
			Path log) {
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			return new ManagedProcess(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new PlatformException(name + " could not be started: " + ex.getMessage());
		}
	}

	/**
	 * Waits until a health URL answers 200.
	 * @param health the URL
	 * @param timeout how long to wait
	 * @throws PlatformException when the process ends or the time is up, with its log's
	 * tail
	 */
	void awaitHealthy(URI health, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new PlatformException(
						this.name + " stopped while starting (exit code " + this.process.exitValue() + ")", tail(30));
			}
			try {
				HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PlatformException("Interrupted while waiting for " + this.name);
			}
			sleep(Duration.ofMillis(250));
		}
		throw new PlatformException(
				this.name + " did not become healthy within " + timeout.toSeconds() + " s (" + health + ")", tail(30));
	}

	/**
	 * Stops the process and everything it started: politely first, then by force.
	 */
	void stop(Duration grace) {
		List<ProcessHandle> family = new ArrayList<>(this.process.descendants().toList());
		family.add(this.process.toHandle());
		family.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + grace.toNanos();
		for (ProcessHandle member : family) {
			long left = Math.max(0, deadline - System.nanoTime());
			try {
				member.onExit().get(left, TimeUnit.NANOSECONDS);
			}
			catch (Exception notYet) {
				member.destroyForcibly();
			}
		}
	}

	/**
	 * Kills the process and everything it started at once, as a crash would: nothing is
	 * shut down politely.
	 */
	void kill() {
		List<ProcessHandle> family = new ArrayList<>(this.process.descendants().toList());
		family.add(this.process.toHandle());
		family.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle member : family) {
			try {
				member.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new PlatformException(this.name + " did not end when killed: " + ex.getMessage());
			}
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	long pid() {
		return this.process.pid();
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	List<String> tail(int lines) {
		try {
			List<String> all = new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8).lines().toList();
			return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return List.of("(log " + this.log + " is not readable: " + ex.getMessage() + ")");
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
