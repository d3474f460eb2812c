package io.brain.api.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Hardening settings of the api ({@code brain.security.*}).
 *
 * @param allowedOrigins origins allowed to call the API from a browser (the web app's)
 * @param maxRequestSize the largest request body accepted
 * @param failedAuthenticationsPerWindow failed authentications one client address may
 * make per window before it is refused with 429
 * @param failedAuthenticationWindowSeconds the window, in seconds
 */
@ConfigurationProperties("brain.security")
public record SecurityProperties(@DefaultValue("http://localhost:8080") List<String> allowedOrigins,
		@DefaultValue("2MB") DataSize maxRequestSize, @DefaultValue("20") int failedAuthenticationsPerWindow,
		@DefaultValue("300") int failedAuthenticationWindowSeconds) {

}
