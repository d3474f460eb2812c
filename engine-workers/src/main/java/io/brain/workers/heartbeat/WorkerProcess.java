package io.brain.workers.heartbeat;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;

import io.brain.workers.WorkersApplication;

/**
 * This worker process as the platform knows it: the id it fetches tasks under and appears
 * with on System Health, its host and the version it runs.
 */
public final class WorkerProcess {

	private static final String ID = "workers-" + ManagementFactory.getRuntimeMXBean().getName();

	private WorkerProcess() {
	}

	/** The process's id: its process id and host, e.g. {@code workers-4711@node-1}. */
	public static String id() {
		return ID;
	}

	static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return ID.substring(ID.indexOf('@') + 1);
		}
	}

	/** The version of the workers' jar, when it names one (not when run from classes). */
	static String version() {
		return WorkersApplication.class.getPackage().getImplementationVersion();
	}

}
