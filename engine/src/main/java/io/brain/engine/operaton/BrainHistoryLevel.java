package io.brain.engine.operaton;

import org.operaton.bpm.engine.impl.history.AbstractHistoryLevel;
import org.operaton.bpm.engine.impl.history.HistoryLevelAudit;
import org.operaton.bpm.engine.impl.history.event.HistoryEventType;
import org.operaton.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * What the open engine keeps of runs: Operaton's {@code audit} level (runs, steps, the
 * last value of each variable) plus incidents and the attempts of worker tasks, which the
 * Runs page shows; not every variable change, as {@code full} would (a third slower,
 * measured).
 */
final class BrainHistoryLevel extends AbstractHistoryLevel {

	static final String NAME = "brain";

	private final HistoryLevelAudit audit = new HistoryLevelAudit();

	@Override
	public int getId() {
		return 25;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
		return this.audit.isHistoryEventProduced(eventType, entity) || eventType == HistoryEventTypes.INCIDENT_CREATE
				|| eventType == HistoryEventTypes.INCIDENT_RESOLVE || eventType == HistoryEventTypes.INCIDENT_DELETE
				|| eventType == HistoryEventTypes.INCIDENT_UPDATE || eventType == HistoryEventTypes.INCIDENT_MIGRATE
				|| eventType == HistoryEventTypes.EXTERNAL_TASK_CREATE
				|| eventType == HistoryEventTypes.EXTERNAL_TASK_FAIL
				|| eventType == HistoryEventTypes.EXTERNAL_TASK_SUCCESS
				|| eventType == HistoryEventTypes.EXTERNAL_TASK_DELETE;
	}

}
