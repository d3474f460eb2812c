package io.brain.api.message;

import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public API other systems resume waiting runs with.
 */
@RestController
@SecurityRequirement(name = "bearer")
class MessageController {

	private final Messages messages;

	MessageController(Messages messages) {
		this.messages = messages;
	}

	@PostMapping("/api/v1/messages")
	@PreAuthorize("hasAuthority('runs:start')")
	@Operation(operationId = "publishMessage",
			summary = "Publish a message (JWT or API key): a run waiting for it with the same correlation key resumes "
					+ "with its variables; a message id already published and still buffered is answered 200 and not "
					+ "published again")
	ResponseEntity<PublishedMessage> publish(@Valid @RequestBody PublishMessageRequest request, CurrentUser user) {
		PublishedMessage published = this.messages.publish(user, request);
		return ResponseEntity.status(published.alreadyPublished() ? HttpStatus.OK : HttpStatus.CREATED)
			.header("Idempotent-Replayed", String.valueOf(published.alreadyPublished()))
			.body(published);
	}

}
