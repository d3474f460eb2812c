package io.brain.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: the API takes Keycloak's bearer tokens; the web app's static files,
 * its configuration, health and the OpenAPI document are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
			ProblemAccessDeniedHandler accessDenied) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/api/ui-config", "/actuator/health", "/actuator/health/**",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/api/**", "/actuator/**")
			.authenticated()
			.anyRequest()
			.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new RealmRolesConverter()))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens in a header are not sent by browsers on their own: no CSRF
			// exposure.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * Turns Keycloak's realm roles ({@code realm_access.roles}) into {@code ROLE_}
	 * authorities.
	 */
	static final class RealmRolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			return new JwtAuthenticationToken(jwt, roles(jwt), jwt.getSubject());
		}

		static Collection<GrantedAuthority> roles(Jwt jwt) {
			Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
			if (realmAccess == null || !(realmAccess.get("roles") instanceof List<?> roles)) {
				return List.of();
			}
			return roles.stream().map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
		}

	}

}
