package io.brain.workers.connector.stripe;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Input of the "refund payment" action.
 *
 * @param connection the name of the tenant's Stripe connection
 * @param paymentIntent the payment to refund, e.g. {@code pi_3MtwBwLkdIwHu7ix28a3tqPa}
 * @param amount how much to refund in the currency's smallest unit (cents for EUR or
 * USD); the whole remaining amount when left out
 * @param reason {@code duplicate}, {@code fraudulent} or {@code requested_by_customer}
 */
public record RefundPaymentRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a Stripe connection configured on the Connectors page") String connection,
		@NotBlank @Pattern(regexp = "pi_[A-Za-z0-9]+",
				message = "must be a PaymentIntent id such as pi_3MtwBwLkdIwHu7ix28a3tqPa") @TemplateProperty(
						group = "refund", label = "Payment intent",
						description = "The PaymentIntent to refund, e.g. pi_3MtwBwLkdIwHu7ix28a3tqPa") String paymentIntent,
		@Positive @TemplateProperty(group = "refund", label = "Amount", optional = true,
				description = "In the currency's smallest unit, e.g. 500 for 5.00 EUR; empty refunds everything left") Long amount,
		@Pattern(regexp = "duplicate|fraudulent|requested_by_customer") @TemplateProperty(group = "refund",
				label = "Reason", type = PropertyType.Dropdown, optional = true, defaultValue = "requested_by_customer",
				choices = {
						@DropdownPropertyChoice(value = "requested_by_customer", label = "Requested by customer"),
						@DropdownPropertyChoice(value = "duplicate", label = "Duplicate"),
						@DropdownPropertyChoice(value = "fraudulent", label = "Fraudulent") }) String reason){

}
