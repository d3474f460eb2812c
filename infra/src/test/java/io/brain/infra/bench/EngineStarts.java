package io.brain.infra.bench;

import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantScopedDataSource;
import io.brain.engine.operaton.OperatonEngine;
import io.brain.engine.operaton.OperatonSettings;

/**
 * The benchmark's reference: runs started through the open engine's own API, as another
 * node of the engine on the platform's database (it works no jobs), so the api's job
 * executor and the same workers carry them on exactly as they carry runs a webhook
 * started; only the inbox, the dispatcher and Brain's run record are left out.
 */
final class EngineStarts implements AutoCloseable {

	private final HikariDataSource pool;

	private final OperatonEngine engine;

	/**
	 * @param jdbcUrl the platform's database
	 * @param user the application's role, as the api and the workers connect
	 * @param connections connections at once, one per start in flight
	 */
	EngineStarts(String jdbcUrl, String user, int connections) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl);
		config.setUsername(user);
		config.setMaximumPoolSize(connections);
		config.setPoolName("bench-reference");
		this.pool = new HikariDataSource(config);
		this.engine = OperatonEngine.start(new TenantScopedDataSource(this.pool),
				new OperatonSettings("brain", "P30D", false));
	}

	/** Starts a run of the tenant's latest deployed version of a process. */
	void start(String tenant, String processId, Map<String, Object> variables) {
		this.engine.start(new TenantId(tenant), processId, variables, null);
	}

	@Override
	public void close() {
		this.engine.close();
		this.pool.close();
	}

}
