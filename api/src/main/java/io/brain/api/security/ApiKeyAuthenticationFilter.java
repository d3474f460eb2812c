package io.brain.api.security;

import java.io.IOException;
import java.util.Optional;

import io.brain.api.apikey.ApiKeys;
import io.brain.api.identity.ApiKeyPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry an API key ({@code X-API-Key: brk_...} or
 * {@code Authorization: Bearer brk_...}); an unknown, expired or revoked key gets 401.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeys apiKeys;

	private final AuthenticationEntryPoint entryPoint;

	ApiKeyAuthenticationFilter(ApiKeys apiKeys, AuthenticationEntryPoint entryPoint) {
		this.apiKeys = apiKeys;
		this.entryPoint = entryPoint;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// A webhook's Authorization header holds the listener's token, not an API key.
		return SecurityConfiguration.isWebhook(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> presented = presentedKey(request);
		if (presented.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKeyPrincipal> key = this.apiKeys.authenticate(presented.get());
		if (key.isEmpty()) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response,
					new InvalidApiKeyException("The API key is unknown, expired or revoked."));
			return;
		}
		PreAuthenticatedAuthenticationToken authentication = new PreAuthenticatedAuthenticationToken(key.get(), null,
				key.get().permissions().stream().map(SimpleGrantedAuthority::new).toList());
		SecurityContextHolder.getContext().setAuthentication(authentication);
		chain.doFilter(request, response);
	}

	static Optional<String> presentedKey(HttpServletRequest request) {
		String header = request.getHeader("X-API-Key");
		if (header != null && !header.isBlank()) {
			return Optional.of(header.trim());
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				&& authorization.substring(7).trim().startsWith(ApiKeys.PREFIX)) {
			return Optional.of(authorization.substring(7).trim());
		}
		return Optional.empty();
	}

	/** An API key that does not authenticate anyone. */
	static final class InvalidApiKeyException extends AuthenticationException {

		InvalidApiKeyException(String message) {
			super(message);
		}

	}

}
