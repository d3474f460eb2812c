package io.brain.engine.operaton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.brain.engine.EngineStatus;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutor;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open engine across tenants: its incidents and started runs counted straight from
 * its tables (which Operaton keeps apart by a tenant column it checks itself, without
 * row-level security), as no engine query groups by tenant or by hour.
 */
final class OperatonStatus implements EngineStatus {

	private final OperatonEngine engine;

	private final ProcessEngine processEngine;

	private final JdbcClient jdbc;

	OperatonStatus(OperatonEngine engine, ProcessEngine processEngine, DataSource dataSource) {
		this.engine = engine;
		this.processEngine = processEngine;
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public Description describe() {
		String version = ProcessEngine.class.getPackage().getImplementationVersion();
		JobExecutor jobs = ((ProcessEngineConfigurationImpl) this.processEngine.getProcessEngineConfiguration())
			.getJobExecutor();
		boolean working = jobs != null && jobs.isActive();
		try {
			this.engine.check();
			return new Description("Operaton", version, true, working, null);
		}
		catch (RuntimeException ex) {
			return new Description("Operaton", version, false, working, ex.getMessage());
		}
	}

	/**
	 * The incidents open per tenant that deployed (none open included), each failure
	 * once: the incidents a call activity's parents get from a failed step share its root
	 * cause. The tenant is null for what was deployed without one. System Health and the
	 * metrics both count by it.
	 */
	static final String OPEN_INCIDENTS_BY_TENANT = """
			select d.tenant_id_ as tenant, count(i.id_) as open
			from (select distinct tenant_id_ from act_re_deployment) d
			left join act_ru_incident i on i.tenant_id_ is not distinct from d.tenant_id_
			     and i.id_ = i.root_cause_incident_id_
			group by d.tenant_id_ order by d.tenant_id_""";

	@Override
	public Map<String, Long> openIncidentsByTenant() {
		Map<String, Long> incidents = new LinkedHashMap<>();
		this.jdbc.sql(OPEN_INCIDENTS_BY_TENANT).query((rs) -> {
			if (rs.getLong("open") > 0) {
				String tenant = rs.getString("tenant");
				incidents.put((tenant != null) ? tenant : "", rs.getLong("open"));
			}
		});
		return incidents;
	}

	@Override
	public List<HourlyRuns> runsStartedPerHour(Instant since) {
		return this.jdbc.sql("""
				select date_trunc('hour', start_time_) as hour, count(*) as runs from act_hi_procinst
				where start_time_ >= :since group by 1 order by 1
				""")
			.param("since", Timestamp.from(since))
			.query((rs, row) -> new HourlyRuns(rs.getTimestamp("hour").toInstant(), rs.getLong("runs")))
			.list();
	}

}
