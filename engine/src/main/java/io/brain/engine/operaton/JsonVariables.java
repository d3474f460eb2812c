package io.brain.engine.operaton;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.operaton.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;

/**
 * Stores a run's structured variables (objects and lists, as JSON gives them) as JSON
 * instead of Java serialization, which the engine is configured to refuse: a variable is
 * data, never a class to instantiate.
 */
final class JsonVariables extends AbstractObjectValueSerializer {

	static final String FORMAT = "application/json";

	private final ObjectMapper json;

	JsonVariables(ObjectMapper json) {
		super(FORMAT);
		this.json = json;
	}

	@Override
	public String getName() {
		return "brain-json";
	}

	@Override
	protected String getTypeNameForDeserialized(Object deserializedObject) {
		return (deserializedObject instanceof Map) ? "java.util.Map" : "java.util.List";
	}

	@Override
	protected byte[] serializeToByteArray(Object deserializedObject) throws Exception {
		return this.json.writeValueAsBytes(deserializedObject);
	}

	@Override
	protected Object deserializeFromByteArray(byte[] object, String objectTypeName) throws Exception {
		return this.json.readValue(object, Object.class);
	}

	@Override
	protected boolean isSerializationTextBased() {
		return true;
	}

	@Override
	protected boolean canSerializeValue(Object value) {
		return value instanceof Map || value instanceof Collection;
	}

}
