package io.brain.engine.operaton;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.operaton.bpm.engine.delegate.VariableScope;

/**
 * The FEEL the open engine runs a model's expressions with: one engine built by Brain,
 * that hands plain Java values (strings, numbers, lists, maps) to the run and calls no
 * Java function. The FEEL engine's own script engine picks up whatever value mappers the
 * class path offers (the Zeebe test engine's, for one), and its answers would change with
 * them.
 */
final class FeelScripts implements ScriptEngineFactory {

	static final String LANGUAGE = "feel";

	private final FeelEngineApi feel = FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();

	@Override
	public ScriptEngine getScriptEngine() {
		return new Engine();
	}

	/** Operaton registers a script engine under this name, so it names the language. */
	@Override
	public String getEngineName() {
		return LANGUAGE;
	}

	@Override
	public String getEngineVersion() {
		return "1";
	}

	@Override
	public List<String> getExtensions() {
		return List.of();
	}

	@Override
	public List<String> getMimeTypes() {
		return List.of();
	}

	@Override
	public List<String> getNames() {
		return List.of(LANGUAGE);
	}

	@Override
	public String getLanguageName() {
		return LANGUAGE;
	}

	@Override
	public String getLanguageVersion() {
		return "1.20";
	}

	@Override
	public Object getParameter(String key) {
		return switch (key) {
			case ScriptEngine.NAME, ScriptEngine.LANGUAGE -> LANGUAGE;
			case ScriptEngine.ENGINE -> getEngineName();
			default -> null;
		};
	}

	@Override
	public String getMethodCallSyntax(String object, String method, String... arguments) {
		throw new UnsupportedOperationException("FEEL has no method calls");
	}

	@Override
	public String getOutputStatement(String toDisplay) {
		throw new UnsupportedOperationException("FEEL has no output statement");
	}

	@Override
	public String getProgram(String... statements) {
		throw new UnsupportedOperationException("FEEL has no programs");
	}

	/**
	 * A FEEL value as a run keeps it: dates, times and durations as the ISO 8601 text
	 * Zeebe writes for them (the engine stores no Java time types), inside lists and
	 * contexts too; any other value as it is.
	 */
	static Object storable(Object value) {
		return switch (value) {
			case Map<?, ?> context -> {
				Map<Object, Object> copy = new LinkedHashMap<>();
				context.forEach((key, entry) -> copy.put(key, storable(entry)));
				yield copy;
			}
			case List<?> list -> {
				List<Object> copy = new ArrayList<>(list.size());
				list.forEach((item) -> copy.add(storable(item)));
				yield copy;
			}
			case LocalDate date -> date.toString();
			case LocalTime time -> time.toString();
			case OffsetTime time -> DateTimeFormatter.ISO_OFFSET_TIME.format(time);
			case LocalDateTime dateTime -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
			case ZonedDateTime dateTime -> DateTimeFormatter.ISO_ZONED_DATE_TIME.format(dateTime);
			case OffsetDateTime dateTime -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
			case Duration duration -> duration.toString();
			case Period period -> period.toString();
			case null, default -> value;
		};
	}

	private final class Engine extends AbstractScriptEngine {

		@Override
		public Object eval(String expression, ScriptContext context) throws ScriptException {
			Map<String, Object> variables = new HashMap<>();
			for (int scope : context.getScopes()) {
				Bindings bindings = context.getBindings(scope);
				if (bindings == null) {
					continue;
				}
				for (String name : bindings.keySet()) {
					Object value = bindings.get(name);
					// The run's variables, not the engine's objects bound beside them.
					if (!(value instanceof VariableScope)) {
						variables.putIfAbsent(name, value);
					}
				}
			}
			EvaluationResult result = FeelScripts.this.feel.evaluateExpression(expression, variables);
			if (!result.isSuccess()) {
				throw new ScriptException(result.failure().message());
			}
			return storable(result.result());
		}

		@Override
		public Object eval(Reader reader, ScriptContext context) throws ScriptException {
			StringBuilder expression = new StringBuilder();
			char[] buffer = new char[4096];
			try {
				for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
					expression.append(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				throw new ScriptException(ex);
			}
			return eval(expression.toString(), context);
		}

		@Override
		public Bindings createBindings() {
			return new SimpleBindings();
		}

		@Override
		public ScriptEngineFactory getFactory() {
			return FeelScripts.this;
		}

	}

}
