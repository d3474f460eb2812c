package io.brain.workers.catalog;

import java.util.List;

/**
 * One field of a connection's configuration form.
 *
 * @param name the field's key
 * @param label its label
 * @param kind what it holds; {@code SECRET} fields live in the secret store, write-only
 * @param required whether a connection needs it
 * @param pattern a regular expression the value must match, if any
 * @param help where to find the value
 * @param options the choices of a {@code SELECT} field
 */
public record ConnectionField(String name, String label, Kind kind, boolean required, String pattern, String help,
		List<String> options) {

	public ConnectionField {
		options = (options != null) ? List.copyOf(options) : List.of();
	}

	public static ConnectionField text(String name, String label, String help) {
		return new ConnectionField(name, label, Kind.TEXT, true, null, help, List.of());
	}

	public static ConnectionField url(String name, String label, String help) {
		return new ConnectionField(name, label, Kind.URL, true, null, help, List.of());
	}

	public static ConnectionField secret(String name, String label, String help) {
		return new ConnectionField(name, label, Kind.SECRET, true, null, help, List.of());
	}

	public ConnectionField optional() {
		return new ConnectionField(this.name, this.label, this.kind, false, this.pattern, this.help, this.options);
	}

	public ConnectionField matching(String regex) {
		return new ConnectionField(this.name, this.label, this.kind, this.required, regex, this.help, this.options);
	}

	/** What a field holds. */
	public enum Kind {

		TEXT, SECRET, URL, SELECT, NUMBER, BOOLEAN

	}

}
