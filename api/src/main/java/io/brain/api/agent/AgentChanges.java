package io.brain.api.agent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import io.brain.api.connector.ConnectorType;
import io.brain.api.connector.ConnectorTypes;

/**
 * What changed between two versions of an agent's settings, in words for its audit row:
 * "added tool Google Ads pause campaign", "changed temperature from 0.7 to 0.3". Long
 * texts (the role, the task prompt) are said to have changed, not quoted.
 */
class AgentChanges {

	private final ConnectorTypes types;

	private final Function<UUID, String> connectionNames;

	/**
	 * @param connectionNames a connection's name in quotes, or its id when it is gone
	 */
	AgentChanges(ConnectorTypes types, Function<UUID, String> connectionNames) {
		this.types = types;
		this.connectionNames = connectionNames;
	}

	List<String> between(AgentConfig before, AgentConfig after) {
		List<String> changes = new ArrayList<>();
		if (!before.name().equals(after.name())) {
			changes.add("renamed it from '" + before.name() + "' to '" + after.name() + "'");
		}
		text(changes, "the role", before.role(), after.role());
		text(changes, "the task prompt", before.taskPrompt(), after.taskPrompt());
		tools(changes, before.tools(), after.tools());
		model(changes, before.model(), after.model());
		if (!Objects.equals(before.schedule(), after.schedule())) {
			if (before.schedule() == null) {
				changes.add("scheduled it " + schedule(after.schedule()));
			}
			else if (after.schedule() == null) {
				changes.add("removed its schedule " + schedule(before.schedule()));
			}
			else {
				changes.add("changed the schedule from " + schedule(before.schedule()) + " to "
						+ schedule(after.schedule()));
			}
		}
		if (!Objects.equals(before.delivery(), after.delivery())) {
			changes.add("changed delivery from " + delivery(before.delivery()) + " to " + delivery(after.delivery()));
		}
		value(changes, "max model calls", before.limits().maxModelCalls(), after.limits().maxModelCalls());
		value(changes, "max tool calls", before.limits().maxToolCalls(), after.limits().maxToolCalls());
		value(changes, "max tokens per run", before.limits().maxTokens(), after.limits().maxTokens());
		return changes;
	}

	private void model(List<String> changes, AgentModel before, AgentModel after) {
		if (!before.connectionId().equals(after.connectionId())) {
			changes.add("changed the model connection from " + this.connectionNames.apply(before.connectionId())
					+ " to " + this.connectionNames.apply(after.connectionId()));
		}
		value(changes, "model", before.model(), after.model());
		value(changes, "temperature", before.temperature(), after.temperature());
		value(changes, "max output tokens", before.maxOutputTokens(), after.maxOutputTokens());
	}

	private void tools(List<String> changes, List<AgentTool> before, List<AgentTool> after) {
		Map<String, AgentTool> old = byName(before);
		Map<String, AgentTool> now = byName(after);
		old.forEach((name, tool) -> {
			if (!now.containsKey(name)) {
				changes.add("removed tool " + label(tool));
			}
		});
		now.forEach((name, tool) -> {
			AgentTool was = old.get(name);
			if (was == null) {
				changes.add("added tool " + label(tool) + " on " + this.connectionNames.apply(tool.connectionId())
						+ " (" + access(tool) + ")");
				return;
			}
			if (!was.connectionId().equals(tool.connectionId())) {
				changes.add("moved tool " + label(tool) + " from connection "
						+ this.connectionNames.apply(was.connectionId()) + " to "
						+ this.connectionNames.apply(tool.connectionId()));
			}
			if (was.access() != tool.access() || !was.requiresApproval().equals(tool.requiresApproval())) {
				changes.add("changed tool " + label(tool) + " from " + access(was) + " to " + access(tool));
			}
		});
	}

	/** "Google Ads pause campaign". */
	private String label(AgentTool tool) {
		return this.types.find(tool.connector())
			.map((type) -> type.name() + " "
					+ type.actions()
						.stream()
						.filter((action) -> action.id().equals(tool.action()))
						.map(ConnectorType.Action::name)
						.map(AgentChanges::lowerFirst)
						.findFirst()
						.orElse(tool.action()))
			.orElse(tool.name());
	}

	private static String access(AgentTool tool) {
		return ((tool.access() == AgentTool.Access.READ) ? "read" : "write")
				+ (tool.requiresApproval() ? ", needs approval" : ", no approval");
	}

	private String delivery(AgentDelivery delivery) {
		return switch (delivery.kind()) {
			case RUN -> "the run only";
			case EMAIL -> "e-mail to " + delivery.to() + " by " + this.connectionNames.apply(delivery.connectionId());
			case SLACK -> "Slack " + delivery.channel() + " by " + this.connectionNames.apply(delivery.connectionId());
		};
	}

	private static String schedule(AgentSchedule schedule) {
		return "'" + schedule.cron() + "' in " + schedule.timeZone();
	}

	private static void text(List<String> changes, String what, String before, String after) {
		if (Objects.equals(before, after)) {
			return;
		}
		changes.add((before == null) ? "set " + what : (after == null) ? "removed " + what : "changed " + what);
	}

	private static void value(List<String> changes, String what, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add("changed " + what + " from " + words(before) + " to " + words(after));
		}
	}

	/** 0.7 as 0.7, 1.0 as 1, 50000 as 50000. */
	private static String words(Object value) {
		if (value instanceof Double number) {
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(value);
	}

	private static Map<String, AgentTool> byName(List<AgentTool> tools) {
		Map<String, AgentTool> byName = new LinkedHashMap<>();
		tools.forEach((tool) -> byName.put(tool.name(), tool));
		return byName;
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
	}

}
