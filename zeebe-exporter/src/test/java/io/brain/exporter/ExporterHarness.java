package io.brain.exporter;

import java.util.ConcurrentModificationException;
import java.util.Map;

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

	private long handedPosition = -1;

	private Thread feed;

	private volatile boolean closed;

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
				try {
					exportAndFlush(engine);
				}
				catch (ConcurrentModificationException ex) {
					// the engine wrote while the stream was read: read again next time
				}
				catch (RuntimeException ex) {
					// as a broker does, keep handing records: the next round tries again
					logger.warn("The exporter failed a round; the next one tries again", ex);
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
