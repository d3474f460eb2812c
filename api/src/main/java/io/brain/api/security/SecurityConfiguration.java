package io.brain.api.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.brain.api.apikey.ApiKeys;
import io.brain.api.identity.CurrentUser;
import io.brain.api.identity.Permissions;
import io.brain.api.keycloak.KeycloakProperties;
import io.brain.api.problem.ProblemWriter;
import io.brain.api.tenant.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. The API takes Keycloak's bearer tokens and Brain's API keys; every
 * endpoint declares the permission it needs ({@code @PreAuthorize}); the web app's files,
 * its sign-in settings, health and the OpenAPI document are public.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String WEBHOOK_INGRESS = "/hooks/*";

	@Bean
	SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
			ProblemAccessDeniedHandler accessDenied, ApiKeys apiKeys, Tenants tenants, ProblemWriter problems,
			AuthenticationThrottle throttle, SecurityProperties properties, KeycloakProperties keycloak,
			Environment environment) throws Exception {
		boolean managementApart = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/api/ui-config", "/actuator/health", "/actuator/health/**", "/livez",
					"/readyz", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			// Webhooks prove their sender by the provider's signature, checked by the
			// ingress; the listener's row, not a token, gives the tenant.
			.requestMatchers(HttpMethod.POST, WEBHOOK_INGRESS)
			.permitAll()
			// Metrics and other actuator endpoints are platform-wide: on their own port,
			// bound to 127.0.0.1 (management.server.*), for whoever runs the host. Spring
			// Boot refuses that address on the api's own port; should settings ever serve
			// them with the api, only platform accounts with system:read get them.
			.requestMatchers("/actuator/**")
			.access(managementApart ? (authentication, context) -> new AuthorizationDecision(true)
					: SecurityConfiguration::platformSystemReader)
			.requestMatchers("/api/**")
			.authenticated()
			.anyRequest()
			.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(bearerTokens())
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new PermissionsConverter()))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.addFilterBefore(new ThrottleFilter(throttle, problems), BearerTokenAuthenticationFilter.class)
			.addFilterBefore(new RequestSizeFilter(properties, problems), BearerTokenAuthenticationFilter.class)
			.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new TenantContextFilter(tenants, problems), BearerTokenAuthenticationFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors((cors) -> cors.configurationSource(cors(properties)))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(keycloak)))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions((frames) -> frames.deny())
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			// Credentials travel in headers that browsers do not add on their own: no
			// CSRF exposure.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/** A platform account (no tenant) with {@code system:read}. */
	private static AuthorizationDecision platformSystemReader(Supplier<Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		boolean allowed = caller != null && caller.isAuthenticated() && !(caller.getPrincipal() instanceof String)
				&& caller.getAuthorities()
					.stream()
					.anyMatch((authority) -> Permissions.SYSTEM_READ.equals(authority.getAuthority()))
				&& CurrentUser.from(caller).tenantId() == null;
		return new AuthorizationDecision(allowed);
	}

	static boolean isWebhook(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/hooks/");
	}

	static String contentSecurityPolicy(KeycloakProperties keycloak) {
		String sso = keycloak.publicUrl();
		return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
				"img-src 'self' data:", "font-src 'self' data:", "connect-src 'self' " + sso, "frame-src " + sso,
				"form-action 'self' " + sso, "frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'");
	}

	private static CorsConfigurationSource cors(SecurityProperties properties) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(properties.allowedOrigins());
		configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
		configuration.setAllowedHeaders(
				List.of("Authorization", "Content-Type", "X-API-Key", "X-Request-Id", "Idempotency-Key"));
		configuration.setExposedHeaders(List.of("X-Request-Id", "Location"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", configuration);
		return source;
	}

	/**
	 * Bearer tokens that are API keys belong to the API-key filter, not the JWT decoder;
	 * a bearer token sent to a webhook address is the webhook's own secret.
	 */
	private static BearerTokenResolver bearerTokens() {
		DefaultBearerTokenResolver jwt = new DefaultBearerTokenResolver();
		return (request) -> {
			if (isWebhook(request)) {
				return null;
			}
			String token = jwt.resolve(request);
			return (token != null && token.startsWith(ApiKeys.PREFIX)) ? null : token;
		};
	}

	/**
	 * Authorities of a token: its {@code permissions} claim, and its realm roles as
	 * {@code ROLE_} authorities.
	 */
	static final class PermissionsConverter implements Converter<Jwt, AbstractAuthenticationToken> {

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
		}

		static Collection<GrantedAuthority> authorities(Jwt jwt) {
			List<GrantedAuthority> authorities = new ArrayList<>();
			List<String> permissions = jwt.getClaimAsStringList("permissions");
			if (permissions != null) {
				permissions.forEach((permission) -> authorities.add(new SimpleGrantedAuthority(permission)));
			}
			Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
			if (realmAccess != null && realmAccess.get("roles") instanceof List<?> roles) {
				roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
			}
			return authorities;
		}

	}

	/**
	 * Refuses clients that failed authentication too often, before any credential is
	 * checked.
	 */
	static final class ThrottleFilter extends OncePerRequestFilter {

		private final AuthenticationThrottle throttle;

		private final ProblemWriter problems;

		ThrottleFilter(AuthenticationThrottle throttle, ProblemWriter problems) {
			this.throttle = throttle;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (this.throttle.isBlocked(request.getRemoteAddr())) {
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.throttle.retryAfterSeconds()));
				this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
						"Too many failed sign-ins from your address; try again later.");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** Refuses bodies over {@code brain.security.max-request-size} with 413. */
	static final class RequestSizeFilter extends OncePerRequestFilter {

		private final long limit;

		private final ProblemWriter problems;

		RequestSizeFilter(SecurityProperties properties, ProblemWriter problems) {
			this.limit = properties.maxRequestSize().toBytes();
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getContentLengthLong() > this.limit || (request.getContentLengthLong() < 0
					&& "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding")))) {
				this.problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
						"The request body is larger than " + this.limit + " bytes, or has no declared length.");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
