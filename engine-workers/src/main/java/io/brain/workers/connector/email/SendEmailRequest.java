package io.brain.workers.connector.email;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * Input of the "send email" action: a text body, an HTML body, or both.
 *
 * @param connection the name of the tenant's email connection
 * @param to the recipients
 * @param cc copies, if any
 * @param subject the subject
 * @param text the plain-text body
 * @param html the HTML body
 */
public record SendEmailRequest(@NotBlank String connection, @NotEmpty List<@Email @NotBlank String> to,
		List<@Email String> cc, @NotBlank @Size(max = 998) String subject, String text, String html) {

}
