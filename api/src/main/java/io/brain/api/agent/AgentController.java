package io.brain.api.agent;

import java.util.List;
import java.util.UUID;

import io.brain.api.audit.RequestAudit;
import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The tenant's AI agents: their settings, versions and sessions.
 */
@RestController
@SecurityRequirement(name = "bearer")
class AgentController {

	private final Agents agents;

	private final AgentRuns runs;

	private final RequestAudit audit;

	private final AgentStream stream;

	private final AgentDryRuns dryRuns;

	AgentController(Agents agents, AgentRuns runs, RequestAudit audit, AgentStream stream, AgentDryRuns dryRuns) {
		this.agents = agents;
		this.dryRuns = dryRuns;
		this.runs = runs;
		this.audit = audit;
		this.stream = stream;
	}

	@GetMapping(path = "/api/agents/{id}/sessions/{sessionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize("hasAuthority('agents:read')")
	@Operation(operationId = "followAgentSession",
			summary = "Follow a session of the agent as server-sent events: its messages after `after` at once, then "
					+ "each new message (`message`) and each piece of an answer as the model generates it (`token`)")
	SseEmitter follow(@PathVariable UUID id, @PathVariable UUID sessionId, @RequestParam(defaultValue = "0") long after,
			CurrentUser user) {
		this.agents.get(user, id);
		return this.stream.follow(user.tenant(), sessionId, after);
	}

	@GetMapping("/api/agents/usage")
	@PreAuthorize("hasAuthority('agents:read')")
	@Operation(operationId = "agentUsage",
			summary = "What the tenant's agents spent today and this month against its token budget, with the "
					+ "estimated cost per model")
	AgentUsage usage(CurrentUser user) {
		return this.agents.usage(user);
	}

	@PostMapping("/api/agents/{id}/runs")
	@PreAuthorize("hasAuthority('agents:write')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "startAgentRun",
			summary = "Start a run of the agent's current settings with a prompt (its task when none), in a new "
					+ "session or one given")
	AgentRunStarted start(@PathVariable UUID id, @Valid @RequestBody StartAgentRunRequest request, CurrentUser user) {
		return this.runs.start(user, id, request);
	}

	@PostMapping("/api/agents/{id}/approvals")
	@PreAuthorize("hasAuthority('agents:write')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "decideAgentToolCall",
			summary = "Approve or deny a tool call an agent's run waits on; a denial and its reason are told to the "
					+ "model")
	void decide(@PathVariable UUID id, @Valid @RequestBody ApprovalRequest request, CurrentUser user) {
		this.runs.decide(user, id, request);
	}

	@GetMapping("/api/agents/{id}/approvals")
	@PreAuthorize("hasAuthority('agents:read')")
	@Operation(operationId = "listAgentApprovals",
			summary = "The tool calls of the agent's runs that wait for a person's decision, the latest first")
	List<PendingApproval> pending(@PathVariable UUID id, CurrentUser user) {
		return this.runs.pending(user, id);
	}

	@PostMapping("/api/agents/{id}/dry-run")
	@PreAuthorize("hasAuthority('agents:write')")
	@Operation(operationId = "dryRunAgentTool",
			summary = "Check sample input for one of the agent's tools and show what its step would send, sending "
					+ "nothing")
	ToolDryRun dryRun(@PathVariable UUID id, @Valid @RequestBody DryRunRequest request, CurrentUser user) {
		return this.dryRuns.dryRun(user, id, request);
	}

	@GetMapping("/api/agents")
	@PreAuthorize("hasAuthority('agents:read')")
	@Operation(operationId = "listAgents",
			summary = "The tenant's agents with their current settings, searched by " + "name or key")
	AgentPage list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return this.agents.list(user, q, page, size);
	}

	@PostMapping("/api/agents")
	@PreAuthorize("hasAuthority('agents:write')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createAgent",
			summary = "Create an agent with its settings as version 1; each connection must be the tenant's and of "
					+ "the connector its use needs")
	Agent create(@Valid @RequestBody SaveAgentRequest request, CurrentUser user) {
		return this.agents.create(user, request);
	}

	@GetMapping("/api/agents/{id}")
	@PreAuthorize("hasAuthority('agents:read')")
	@Operation(operationId = "getAgent", summary = "One agent with its current settings")
	Agent get(@PathVariable UUID id, CurrentUser user) {
		return this.agents.get(user, id);
	}

	@PutMapping("/api/agents/{id}")
	@PreAuthorize("hasAuthority('agents:write')")
	@Operation(operationId = "updateAgent",
			summary = "Save an agent's settings as its next version (the versions before are kept); settings equal "
					+ "to those in force make no version")
	Agent update(@PathVariable UUID id, @Valid @RequestBody SaveAgentRequest request, CurrentUser user,
			HttpServletRequest http) {
		Agents.Saved saved = this.agents.update(user, id, request);
		this.audit.changes(http, saved.changes().isEmpty() ? List.of("nothing changed") : saved.changes());
		return saved.agent();
	}

	@DeleteMapping("/api/agents/{id}")
	@PreAuthorize("hasAuthority('agents:write')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteAgent",
			summary = "Delete an agent with its versions and conversations (runs already started go on)")
	void delete(@PathVariable UUID id, CurrentUser user, HttpServletRequest http) {
		this.audit.name(http, this.agents.delete(user, id).name());
	}

	@GetMapping("/api/agents/{id}/versions")
	@PreAuthorize("hasAuthority('agents:read')")
	@Operation(operationId = "listAgentVersions", summary = "An agent's versions of its settings, newest first")
	List<AgentVersion> versions(@PathVariable UUID id, CurrentUser user) {
		return this.agents.versions(user, id);
	}

	@GetMapping("/api/agents/{id}/versions/{version}")
	@PreAuthorize("hasAuthority('agents:read')")
	@Operation(operationId = "getAgentVersion", summary = "One version of an agent's settings")
	AgentVersion version(@PathVariable UUID id, @PathVariable int version, CurrentUser user) {
		return this.agents.version(user, id, version);
	}

	@GetMapping("/api/agents/{id}/sessions")
	@PreAuthorize("hasAuthority('agents:read')")
	@Operation(operationId = "listAgentSessions",
			summary = "An agent's conversations (chats and the runs of its schedule), the latest first")
	AgentSessionPage sessions(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return this.agents.sessions(user, id, page, size);
	}

}
