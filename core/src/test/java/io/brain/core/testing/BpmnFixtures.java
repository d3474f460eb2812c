package io.brain.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * BPMN documents the tests of several modules deploy.
 */
public final class BpmnFixtures {

	private BpmnFixtures() {
	}

	/** Well-formed BPMN that Zeebe rejects: a service task without a task type. */
	public static String missingTaskType() {
		return read("bpmn/missing-task-type.bpmn");
	}

	private static String read(String resource) {
		try (InputStream in = BpmnFixtures.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
