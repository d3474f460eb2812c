package io.brain.api.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.Paging;
import io.brain.core.tenant.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log of the caller's tenant; platform admins read the platform's own log.
 */
@RestController
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAuthority('audit:read')")
class AuditController {

	private final AuditEntries entries;

	AuditController(AuditEntries entries) {
		this.entries = entries;
	}

	@GetMapping("/api/audit")
	@Operation(operationId = "listAuditEntries", summary = "Audit rows, newest first, filtered and paged")
	AuditPage list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		Paging.check(page, size);
		return this.entries.page(scope(user), new AuditQuery(actor, action, targetType, targetId, from, to), page,
				size);
	}

	@GetMapping(value = "/api/audit/export", produces = "text/csv")
	@Operation(operationId = "exportAuditEntries", summary = "Audit rows as CSV, oldest first",
			responses = @ApiResponse(responseCode = "200", description = "The rows as CSV",
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			CurrentUser user, HttpServletResponse response) throws IOException {
		String scope = scope(user);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + scope + ".csv\"");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
			this.entries.exportCsv(scope, new AuditQuery(actor, action, targetType, targetId, from, to), out);
		}
	}

	@GetMapping("/api/audit/verification")
	@Operation(operationId = "verifyAuditChain", summary = "Check that no audit row was changed or removed")
	ChainVerification verify(CurrentUser user) {
		return this.entries.verify(scope(user));
	}

	private static String scope(CurrentUser user) {
		return (user.tenantId() != null) ? user.tenantId() : TenantContext.PLATFORM;
	}

}
