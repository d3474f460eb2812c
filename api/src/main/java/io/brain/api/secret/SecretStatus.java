package io.brain.api.secret;

/**
 * A secret as the API shows it: never its value, only whether one is set.
 *
 * @param name the secret's name
 * @param set whether a value is stored
 * @param mask a fixed mask shown in place of the value
 */
public record SecretStatus(String name, boolean set, String mask) {

	static final String MASK = "••••••••";

	static SecretStatus of(String name, boolean set) {
		return new SecretStatus(name, set, set ? MASK : "");
	}

}
