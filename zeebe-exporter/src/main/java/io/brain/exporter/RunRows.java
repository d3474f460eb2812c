package io.brain.exporter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.brain.exporter.RunRow.Kind;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;

import static io.brain.exporter.RunRow.TENANT;

/**
 * The rows a record becomes. Only the stable record API of {@code zeebe-protocol} is
 * used, so one jar serves the 8.6 broker and 8.8 clusters.
 */
final class RunRows {

	/** The record types and value types the exporter asks the broker for. */
	static final List<ValueType> VALUE_TYPES = List.of(ValueType.PROCESS, ValueType.PROCESS_INSTANCE, ValueType.JOB,
			ValueType.INCIDENT, ValueType.VARIABLE);

	private RunRows() {
	}

	static boolean accepts(RecordType type) {
		return type == RecordType.EVENT;
	}

	/**
	 * @param record a record of the broker
	 * @param maxVariableSize the largest variable value kept
	 * @param seenAt when the exporter received it
	 * @return its rows, none when the Runs page does not show it
	 */
	@SuppressWarnings("unchecked")
	static List<RunRow> of(Record<?> record, int maxVariableSize, Instant seenAt) {
		if (record.getRecordType() != RecordType.EVENT) {
			return List.of();
		}
		return switch (record.getValueType()) {
			case PROCESS_INSTANCE -> element((Record<ProcessInstanceRecordValue>) record, seenAt);
			case JOB -> job((Record<JobRecordValue>) record, seenAt);
			case INCIDENT -> incident((Record<IncidentRecordValue>) record, seenAt);
			case VARIABLE -> variable((Record<VariableRecordValue>) record, maxVariableSize, seenAt);
			case PROCESS -> definition((Record<Process>) record, seenAt);
			default -> List.of();
		};
	}

	private static List<RunRow> element(Record<ProcessInstanceRecordValue> record, Instant seenAt) {
		Intent intent = record.getIntent();
		String state;
		if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
			state = "ACTIVE";
		}
		else if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED) {
			state = "COMPLETED";
		}
		else if (intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
			state = "TERMINATED";
		}
		else {
			return List.of();
		}
		ProcessInstanceRecordValue value = record.getValue();
		long definition = value.getProcessDefinitionKey();
		Timestamp at = time(record);
		boolean active = state.equals("ACTIVE");
		if (value.getBpmnElementType() == BpmnElementType.PROCESS && record.getKey() == value.getProcessInstanceKey()) {
			RunRow instance = new RunRow(Kind.INSTANCE, record.getPosition(), definition, seenAt, TENANT,
					value.getProcessInstanceKey(), definition, value.getBpmnProcessId(), value.getVersion(),
					key(value.getParentProcessInstanceKey()), switch (state) {
						case "ACTIVE" -> "ACTIVE";
						case "COMPLETED" -> "COMPLETED";
						default -> "CANCELLED";
					}, active ? at : null, active ? null : at);
			if (!active) {
				return List.of(instance);
			}
			return List.of(instance, new RunRow(Kind.INSTANCE_STARTED, record.getPosition(), definition, seenAt, TENANT,
					value.getProcessInstanceKey()));
		}
		String eventType = (value.getBpmnEventType() != null) ? value.getBpmnEventType().name() : null;
		RunRow step = new RunRow(Kind.STEP, record.getPosition(), definition, seenAt, TENANT, record.getKey(),
				value.getProcessInstanceKey(), value.getFlowScopeKey(), value.getElementId(),
				value.getBpmnElementType().name(), eventType, state, active ? at : null, active ? null : at,
				record.getPosition());
		if (active && value.getBpmnElementType() == BpmnElementType.START_EVENT
				&& value.getFlowScopeKey() == value.getProcessInstanceKey()) {
			return List.of(step, new RunRow(Kind.START_EVENT, record.getPosition(), definition, seenAt,
					value.getElementId(), eventType, TENANT, value.getProcessInstanceKey()));
		}
		return List.of(step);
	}

	private static List<RunRow> job(Record<JobRecordValue> record, Instant seenAt) {
		JobRecordValue value = record.getValue();
		if (value.getProcessInstanceKey() <= 0) {
			return List.of();
		}
		return List.of(new RunRow(Kind.JOB, record.getPosition(), value.getProcessDefinitionKey(), seenAt, TENANT,
				record.getKey(), value.getProcessInstanceKey(), value.getElementInstanceKey(), value.getElementId(),
				value.getType(), record.getIntent().name(), value.getRetries(), text(value.getErrorMessage()),
				text(value.getErrorCode()), text(value.getWorker()), time(record)));
	}

	private static List<RunRow> incident(Record<IncidentRecordValue> record, Instant seenAt) {
		Intent intent = record.getIntent();
		boolean created = intent == IncidentIntent.CREATED;
		if (!created && intent != IncidentIntent.RESOLVED) {
			return List.of();
		}
		IncidentRecordValue value = record.getValue();
		Timestamp at = time(record);
		return List.of(new RunRow(Kind.INCIDENT, record.getPosition(), value.getProcessDefinitionKey(), seenAt, TENANT,
				record.getKey(), value.getProcessInstanceKey(), value.getElementInstanceKey(), value.getElementId(),
				key(value.getJobKey()), value.getErrorType().name(), text(value.getErrorMessage()),
				created ? "OPEN" : "RESOLVED", created ? at : null, created ? null : at));
	}

	private static List<RunRow> variable(Record<VariableRecordValue> record, int maxVariableSize, Instant seenAt) {
		Intent intent = record.getIntent();
		VariableRecordValue value = record.getValue();
		if ((intent != VariableIntent.CREATED && intent != VariableIntent.UPDATED)
				|| value.getScopeKey() != value.getProcessInstanceKey()) {
			return List.of();
		}
		String json = value.getValue();
		int size = (json != null) ? json.length() : 0;
		boolean truncated = size > maxVariableSize;
		// PostgreSQL's jsonb cannot hold the NUL character.
		String kept = (json == null || truncated) ? null : json.replace("\\u0000", "\\ufffd");
		return List.of(new RunRow(Kind.VARIABLE, record.getPosition(), value.getProcessDefinitionKey(), seenAt, TENANT,
				value.getProcessInstanceKey(), value.getName(), kept, size, truncated, time(record)));
	}

	private static List<RunRow> definition(Record<Process> record, Instant seenAt) {
		if (record.getIntent() != ProcessIntent.CREATED) {
			return List.of();
		}
		Process value = record.getValue();
		return List.of(new RunRow(Kind.DEFINITION, record.getPosition(), value.getProcessDefinitionKey(), seenAt,
				TENANT, value.getProcessDefinitionKey(), value.getBpmnProcessId(), value.getVersion(),
				ElementNames.json(value.getResource(), value.getBpmnProcessId())));
	}

	private static Timestamp time(Record<?> record) {
		return new Timestamp(record.getTimestamp());
	}

	private static Long key(long key) {
		return (key > 0) ? key : null;
	}

	private static String text(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
