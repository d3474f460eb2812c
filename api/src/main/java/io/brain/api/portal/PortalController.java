package io.brain.api.portal;

import java.util.List;

import io.brain.api.connector.Connections;
import io.brain.api.connector.RecordPage;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client portal: what the tenant's connectors synced, for the portal-client role.
 */
@RestController
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAuthority('portal:read')")
class PortalController {

	/** The connector types whose contacts the CRM tab shows. */
	static final List<String> CRM = List.of("fluentcrm", "zoho-crm", "hubspot");

	/** The connector types whose products and orders the E-commerce tab shows. */
	static final List<String> SHOPS = List.of("woocommerce", "shopify");

	static final List<String> COMMERCE_RESOURCES = List.of("products", "orders");

	private final Connections connections;

	PortalController(Connections connections) {
		this.connections = connections;
	}

	@GetMapping("/api/portal/cms")
	@Operation(operationId = "portalCms", summary = "Pages and posts of the tenant's WordPress sites")
	RecordPage cms(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return this.connections.portal(user, List.of("wordpress"), List.of("pages", "posts"), q, page, size);
	}

	@GetMapping("/api/portal/crm")
	@Operation(operationId = "portalCrm",
			summary = "Contacts of the tenant's CRMs (FluentCRM, Zoho CRM, HubSpot), searched by name or email")
	RecordPage crm(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return this.connections.portal(user, CRM, List.of("contacts"), q, page, size);
	}

	@GetMapping("/api/portal/commerce/{resource}")
	@Operation(operationId = "portalCommerce",
			summary = "Products or orders of the tenant's shops (WooCommerce, Shopify)")
	RecordPage commerce(@PathVariable String resource, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		if (!COMMERCE_RESOURCES.contains(resource)) {
			throw BrainProblem.badInput("resource",
					"The shop portal shows " + String.join(" or ", COMMERCE_RESOURCES) + ", not '" + resource + "'.");
		}
		return this.connections.portal(user, SHOPS, List.of(resource), q, page, size);
	}

}
