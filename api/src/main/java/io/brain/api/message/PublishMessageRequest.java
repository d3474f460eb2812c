package io.brain.api.message;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message for the tenant's runs that wait for it: a run waiting at a message event (or
 * receive task) with this name and correlation key resumes with the variables; a message
 * start event with this name starts a run.
 *
 * @param name the message's name as written in the BPMN
 * @param correlationKey the value the waiting run's correlation key must equal
 * @param variables the variables the run gets
 * @param messageId an id of the caller's choice: while a message with this name and id is
 * buffered (its time to live), another with the same id is not published
 * @param timeToLive how long, in milliseconds, the engine keeps the message for a run
 * that is not waiting yet; 0 for runs waiting now only
 */
public record PublishMessageRequest(
		@NotBlank @Size(max = 100) @Pattern(regexp = NAME_PATTERN, message = NAME_RULE) String name,
		@NotNull @Size(max = MAX_CORRELATION_KEY) String correlationKey,
		@Schema(nullable = true) Map<String, Object> variables,
		@Schema(nullable = true) @Size(min = 1, max = 255) String messageId,
		@Schema(nullable = true) @Min(0) @Max(MAX_TIME_TO_LIVE) Long timeToLive) {

	/**
	 * What a message name may be: letters, digits, spaces and {@code _ . : / -}, starting
	 * and ending with neither a space nor a FEEL {@code =}.
	 */
	public static final String NAME_PATTERN = "[A-Za-z0-9_](?:[A-Za-z0-9_.:/ -]{0,98}[A-Za-z0-9_.:/-])?";

	/** The rule of {@link #NAME_PATTERN} in words. */
	public static final String NAME_RULE = "must be the message name as written in the BPMN: letters, digits, spaces "
			+ "and _ . : / -, not starting or ending with a space";

	/** The longest correlation key. */
	public static final int MAX_CORRELATION_KEY = 255;

	/** The longest time to live a caller may ask for: 7 days, in milliseconds. */
	public static final long MAX_TIME_TO_LIVE = 7L * 24 * 60 * 60 * 1000;

	public PublishMessageRequest {
		variables = (variables != null) ? variables : Map.of();
	}

}
