package io.brain.infra.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time the platform's processes have used, each with its children (PostgreSQL's
 * backends under the launcher, the broker's JVM under its script), read from the list the
 * launcher writes ({@code <home>/processes}) and, for the benchmark itself, this JVM. CPU
 * time, unlike latency, says what a webhook costs even on a shared machine.
 */
final class CpuMeter {

	private final Map<String, Long> pids;

	private CpuMeter(Map<String, Long> pids) {
		this.pids = pids;
	}

	static CpuMeter of(Path home) {
		Map<String, Long> pids = new LinkedHashMap<>();
		try (Stream<String> lines = Files.lines(home.resolve("processes"))) {
			lines.map(String::strip).filter((line) -> !line.isEmpty()).forEach((line) -> {
				int space = line.lastIndexOf(' ');
				pids.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No process list in " + home + ": is the platform running there?", ex);
		}
		pids.put("benchmark client", ProcessHandle.current().pid());
		return new CpuMeter(pids);
	}

	/**
	 * CPU time used so far, by process name: each process with its children, except
	 * children listed on their own (the launcher starts the others; PostgreSQL's server
	 * detaches and is listed by itself).
	 */
	Map<String, Duration> sample() {
		Map<String, Duration> used = new LinkedHashMap<>();
		this.pids.forEach((name, pid) -> used.put(name,
				ProcessHandle.of(pid)
					.map((process) -> tree(process, name.equals("benchmark client")))
					.orElse(Duration.ZERO)));
		return used;
	}

	private Duration tree(ProcessHandle process, boolean alone) {
		Duration total = process.info().totalCpuDuration().orElse(Duration.ZERO);
		if (alone) {
			return total;
		}
		return process.children()
			.filter((child) -> !this.pids.containsValue(child.pid()))
			.map((child) -> tree(child, false))
			.reduce(total, Duration::plus);
	}

	/** Milliseconds of CPU per unit of work between two samples, by process name. */
	static Map<String, Double> perUnit(Map<String, Duration> before, Map<String, Duration> after, long units) {
		Map<String, Double> each = new LinkedHashMap<>();
		after.forEach((name, used) -> each.put(name,
				(used.minus(before.getOrDefault(name, Duration.ZERO)).toNanos() / 1e6) / Math.max(1, units)));
		return each;
	}

}
