package io.brain.api.rule;

import io.brain.api.automation.Automation;
import io.brain.api.automation.AutomationVersion;
import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule list: automations made from "when this happens, if this holds, then do these"
 * instead of a drawn diagram.
 */
@RestController
@SecurityRequirement(name = "bearer")
class AutomationRuleController {

	private final AutomationRules rules;

	AutomationRuleController(AutomationRules rules) {
		this.rules = rules;
	}

	@PostMapping("/api/automation-rules/preview")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "previewAutomationRule",
			summary = "The BPMN a rule generates and what saving it would refuse, without saving anything")
	RulePreview preview(@Valid @RequestBody RulePreviewRequest request, CurrentUser user) {
		return this.rules.preview(user, request);
	}

	@PostMapping("/api/automation-rules")
	@PreAuthorize("hasAuthority('automations:write')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createAutomationFromRule",
			summary = "Create an automation from a rule: its generated diagram is draft version 1, and the trigger is "
					+ "applied (a schedule, or the webhook listener pointed at it); a rule with problems is refused "
					+ "with each field and element at fault, and nothing is stored")
	Automation create(@Valid @RequestBody SaveAutomationRuleRequest request, CurrentUser user) {
		return this.rules.create(user, request);
	}

	@PutMapping("/api/automations/{key}/rule")
	@PreAuthorize("hasAuthority('automations:write')")
	@Operation(operationId = "saveAutomationRule",
			summary = "Save a new draft version generated from a rule, and apply its trigger; a rule with problems is "
					+ "refused with each field and element at fault, and nothing is stored")
	AutomationVersion save(@PathVariable String key, @Valid @RequestBody SaveAutomationRuleRequest request,
			CurrentUser user) {
		return this.rules.save(user, key, request);
	}

	@GetMapping("/api/automations/{key}/versions/{version}/rule")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "getAutomationRule",
			summary = "The rule a version was generated from (404 for a version drawn in the diagram editor)")
	AutomationRule rule(@PathVariable String key, @PathVariable int version, CurrentUser user) {
		return this.rules.rule(user, key, version);
	}

}
