package io.brain.api.apikey;

/**
 * A key just created: the only time the key itself is shown.
 *
 * @param apiKey the key as listed
 * @param key the key to give the external system; Brain keeps only its hash
 */
public record ApiKeyCreated(ApiKeySummary apiKey, String key) {

	@Override
	public String toString() {
		return "ApiKeyCreated[" + this.apiKey + "]";
	}

}
