package io.brain.exporter;

import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.stream.Collectors;

import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.exporter.api.context.Context.RecordFilter;
import io.camunda.zeebe.exporter.test.ExporterTestConfiguration;
import io.camunda.zeebe.exporter.test.ExporterTestContext;
import io.camunda.zeebe.exporter.test.ExporterTestController;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the exporter as a broker does: configured with arguments, handed records in log
 * order through its filter, handed a record again when exporting it threw, and told to
 * flush. Tests feed it the records of an in-process engine.
 */
public final class ExporterHarness implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ExporterHarness.class);

	private final BrainExporter exporter = new BrainExporter();

	private final ExporterTestController controller = new ExporterTestController();

	private final RecordFilter filter;

	private volatile long handedPosition = -1;

	private Thread feed;

	private volatile boolean closed;

	private volatile long rounds;

	private volatile long feedFailures;

	private volatile String lastFeedFailure;

	private volatile long streamPosition = -1;

	public ExporterHarness(Map<String, Object> arguments) {
		ExporterTestContext context = new ExporterTestContext()
			.setConfiguration(new ExporterTestConfiguration<>("brain", arguments, (args) -> null));
		this.exporter.configure(context);
		this.filter = context.getRecordFilter();
		this.exporter.open(this.controller);
	}

	/** The arguments the launcher gives the broker, for a database and user. */
	public static Map<String, Object> arguments(String jdbcUrl, String username) {
		return Map.of("jdbcUrl", jdbcUrl, "username", username, "flushIntervalMs", "100");
	}

	/**
	 * Hands the records not handed yet, in order; stops at a record whose export threw
	 * and hands it again next time.
	 * @return whether every record was taken
	 */
	public synchronized boolean export(Iterable<Record<?>> records) {
		for (Record<?> record : records) {
			this.streamPosition = Math.max(this.streamPosition, record.getPosition());
			if (record.getPosition() <= this.handedPosition) {
				continue;
			}
			if (this.filter.acceptType(record.getRecordType()) && this.filter.acceptValue(record.getValueType())) {
				try {
					this.exporter.export(record);
				}
				catch (ExporterException ex) {
					return false;
				}
			}
			this.handedPosition = record.getPosition();
		}
		return true;
	}

	/** Writes what the exporter holds, as its scheduled flush does. */
	public synchronized boolean flush() {
		return this.exporter.flush();
	}

	/** Exports an engine's records so far and writes them. */
	public boolean exportAndFlush(ZeebeTestEngine engine) {
		return export(engine.getRecordStreamSource().getRecords()) && flush();
	}

	/** The position the exporter told the broker it has exported up to. */
	public long acknowledgedPosition() {
		return this.controller.getPosition();
	}

	public long handedPosition() {
		return this.handedPosition;
	}

	/**
	 * Keeps exporting an engine's records in the background, as a broker's exporter does,
	 * until closed.
	 * @return this harness
	 */
	public ExporterHarness follow(ZeebeTestEngine engine) {
		this.feed = Thread.ofPlatform().daemon().name("brain-exporter-feed").start(() -> {
			while (!this.closed) {
				this.rounds++;
				try {
					exportAndFlush(engine);
				}
				catch (ConcurrentModificationException ex) {
					// the engine wrote while the stream was read: read again next time
				}
				catch (Throwable ex) {
					// as a broker does, keep handing records: the next round tries again
					this.feedFailures++;
					this.lastFeedFailure = ex.toString();
					if (this.feedFailures == 1 || this.feedFailures % 100 == 0) {
						logger.warn("The exporter failed round {} ({} failed so far); the next one tries again",
								this.rounds, this.feedFailures, ex);
					}
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		});
		return this;
	}

	/**
	 * Where the feed and the exporter are, for a test's failure message: a run that does
	 * not show up says here whether the records reached the exporter and why they are not
	 * written.
	 */
	public String describe() {
		Thread thread = this.feed;
		String where = (thread != null && thread.isAlive()) ? "alive at " + Arrays.stream(thread.getStackTrace())
			.limit(12)
			.map(StackTraceElement::toString)
			.collect(Collectors.joining(" < ")) : "stopped";
		return "feed %s after %d rounds (%d failed, last: %s); engine stream read up to %d, handed up to %d, acknowledged %d; %s"
			.formatted(where, this.rounds, this.feedFailures, this.lastFeedFailure, this.streamPosition,
					this.handedPosition, acknowledgedPosition(), this.exporter);
	}

	@Override
	public void close() {
		this.closed = true;
		if (this.feed != null) {
			this.feed.interrupt();
		}
		synchronized (this) {
			this.exporter.close();
		}
	}

}
