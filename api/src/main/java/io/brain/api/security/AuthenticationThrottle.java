package io.brain.api.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Slows down token and API-key guessing: each client address may fail authentication a
 * few times per window, then it is refused until the window refills.
 */
@Component
class AuthenticationThrottle {

	private final Cache<String, Bucket> failures;

	private final SecurityProperties properties;

	AuthenticationThrottle(SecurityProperties properties) {
		this.properties = properties;
		this.failures = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(Duration.ofSeconds(properties.failedAuthenticationWindowSeconds() * 2L))
			.build();
	}

	boolean isBlocked(String clientAddress) {
		Bucket bucket = this.failures.getIfPresent(clientAddress);
		return bucket != null && bucket.getAvailableTokens() <= 0;
	}

	void failed(String clientAddress) {
		this.failures.get(clientAddress, (address) -> newBucket()).tryConsume(1);
	}

	long retryAfterSeconds() {
		return Math.max(1, this.properties.failedAuthenticationWindowSeconds()
				/ Math.max(1, this.properties.failedAuthenticationsPerWindow()));
	}

	private Bucket newBucket() {
		int allowed = this.properties.failedAuthenticationsPerWindow();
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(allowed)
				.refillGreedy(allowed, Duration.ofSeconds(this.properties.failedAuthenticationWindowSeconds()))
				.build())
			.build();
	}

}
