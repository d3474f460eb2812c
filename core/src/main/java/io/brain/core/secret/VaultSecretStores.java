package io.brain.core.secret;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.RoleId;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.SecretId;
import org.springframework.vault.authentication.LifecycleAwareSessionManager;
import org.springframework.vault.authentication.SimpleSessionManager;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.SimpleVaultEndpointProvider;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.client.VaultEndpointProvider;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.web.client.RestTemplate;

/**
 * Builds a {@link VaultSecretStore} from {@link VaultSettings}, on the JDK's HTTP client.
 */
public final class VaultSecretStores {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

	private VaultSecretStores() {
	}

	/**
	 * Creates a store. With a token it uses the token as it is; with an AppRole it signs
	 * in on first use, renews the session token in the background and signs in again when
	 * the token expires. Close the store to revoke the AppRole session.
	 * @param settings where Vault is and how to sign in
	 * @return the store
	 */
	public static VaultSecretStore create(VaultSettings settings) {
		VaultEndpointProvider endpoint = SimpleVaultEndpointProvider.of(VaultEndpoint.from(settings.address()));
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(CONNECT_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
		requestFactory.setReadTimeout(READ_TIMEOUT);
		if (!settings.usesAppRole()) {
			VaultTemplate vault = new VaultTemplate(endpoint, requestFactory,
					new SimpleSessionManager(new TokenAuthentication(settings.token())));
			return new VaultSecretStore(vault, settings.kvMount(), http::close);
		}
		RestTemplate rest = VaultClients.createRestTemplate(endpoint, requestFactory);
		AppRoleAuthentication appRole = new AppRoleAuthentication(AppRoleAuthenticationOptions.builder()
			.roleId(RoleId.provided(settings.roleId()))
			.secretId(SecretId.provided(settings.secretId()))
			.build(), rest);
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("vault-session-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		LifecycleAwareSessionManager sessions = new LifecycleAwareSessionManager(appRole, scheduler, rest);
		VaultTemplate vault = new VaultTemplate(endpoint, requestFactory, sessions);
		return new VaultSecretStore(vault, settings.kvMount(), () -> {
			try {
				sessions.destroy();
			}
			finally {
				scheduler.shutdown();
				http.close();
			}
		});
	}

}
