package io.brain.api.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log ({@code brain.audit.*}).
 *
 * @param sealInterval how often the api seals the rows written since into their tenants'
 * hash chains; a row is unsealed (no hash yet) at most about this long
 * @param sealBatch how many rows one sealing transaction takes
 */
@ConfigurationProperties("brain.audit")
public record AuditProperties(@DefaultValue("1s") Duration sealInterval, @DefaultValue("1000") int sealBatch) {

}
