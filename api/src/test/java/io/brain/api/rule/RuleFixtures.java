package io.brain.api.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rules as the api takes them, as JSON maps, for the tests that save and run them.
 */
public final class RuleFixtures {

	static final ObjectMapper JSON = new ObjectMapper();

	private RuleFixtures() {
	}

	public static Map<String, Object> rule(Map<String, Object> when, Map<String, Object> conditions, Object then) {
		Map<String, Object> rule = new LinkedHashMap<>();
		rule.put("when", when);
		if (conditions != null) {
			rule.put("if", conditions);
		}
		rule.put("then", (then instanceof List<?> list) ? list : List.of(then));
		return rule;
	}

	public static Map<String, Object> webhook(String listenerId) {
		return Map.of("type", "WEBHOOK", "listenerId", listenerId);
	}

	public static Map<String, Object> conditions(String match, Map<String, Object> condition) {
		return Map.of("match", match, "conditions", List.of(condition));
	}

	public static Map<String, Object> condition(String field, String operator, Object value) {
		Map<String, Object> condition = new LinkedHashMap<>();
		condition.put("field", field);
		condition.put("operator", operator);
		condition.put("value", value);
		return condition;
	}

	/** An HTTP request action. */
	public static Map<String, Object> http(String method, String url, String body) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("send:method", method);
		inputs.put("send:url", url);
		if (body != null) {
			inputs.put("send:body", body);
		}
		return action("io.brain.http", null, inputs);
	}

	public static Map<String, Object> action(String templateId, UUID connectionId, Map<String, Object> inputs) {
		Map<String, Object> action = new LinkedHashMap<>();
		action.put("templateId", templateId);
		if (connectionId != null) {
			action.put("connectionId", connectionId.toString());
		}
		action.put("inputs", inputs);
		return action;
	}

	/** The body that creates an automation from a rule or saves a version from one. */
	public static String save(String key, String name, Map<String, Object> rule) throws JsonProcessingException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("key", key);
		body.put("name", name);
		body.put("rule", rule);
		return JSON.writeValueAsString(body);
	}

}
