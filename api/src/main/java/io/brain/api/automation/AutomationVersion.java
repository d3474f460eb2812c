package io.brain.api.automation;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One version of an automation's diagram.
 *
 * @param version its number, from 1
 * @param status DRAFT, DEPLOYED (the one that runs) or ARCHIVED (deployed before)
 * @param note what changed, as its author said
 * @param createdBy who saved it
 * @param createdAt when
 * @param deployedBy who deployed it
 * @param deployedAt when
 * @param bpmnXml the diagram; only when one version is read
 * @param fromRule whether the diagram was generated from a rule of the rule list (which
 * {@code GET /api/automations/{key}/versions/{version}/rule} answers)
 */
public record AutomationVersion(int version, Status status, @Schema(nullable = true) String note, String createdBy,
		Instant createdAt, @Schema(nullable = true) String deployedBy, @Schema(nullable = true) Instant deployedAt,
		@Schema(nullable = true) String bpmnXml, boolean fromRule) {

	/** Where a version is in its life. */
	public enum Status {

		DRAFT, DEPLOYED, ARCHIVED

	}

}
