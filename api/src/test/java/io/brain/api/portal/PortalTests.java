package io.brain.api.portal;

import java.util.UUID;

import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The client portal's CRM and E-commerce tabs show what the tenant's CRM and shop
 * connections synced, from every connector of the kind, and nothing of another tenant's.
 */
class PortalTests extends ApiTestContext {

	@Test
	void crmWhenSeveralCrmsSyncedThenShowsTheirContactsSearchableByNameOrEmail() throws Exception {
		UUID hubspot = connection("portal-a", "hubspot", "crm-hubspot");
		UUID fluent = connection("portal-a", "fluentcrm", "crm-fluent");
		UUID shop = connection("portal-a", "woocommerce", "crm-shop");
		record("portal-a", hubspot, "contacts", "101", "Ada Lovelace", "{\"email\": \"ada@example.com\"}");
		record("portal-a", fluent, "contacts", "7", "Grace Hopper", "{\"email\": \"grace@navy.example\"}");
		record("portal-a", fluent, "lists", "1", "Newsletter", "{}");
		record("portal-a", shop, "customers", "9", "Shop Customer", "{\"email\": \"buyer@example.com\"}");
		UUID foreign = connection("portal-b", "hubspot", "crm-other");
		record("portal-b", foreign, "contacts", "5", "Other Tenant", "{\"email\": \"other@example.com\"}");

		this.mvc.perform(get("/api/portal/crm").with(TestTokens.user("portal-a", "portal-client")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].title").value(containsInAnyOrder("Ada Lovelace", "Grace Hopper")));
		this.mvc.perform(get("/api/portal/crm").param("q", "navy").with(TestTokens.user("portal-a", "portal-client")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].data.email").value("grace@navy.example"));
	}

	@Test
	void commerceWhenShopsSyncedThenShowsProductsOrOrdersAndRefusesOtherResources() throws Exception {
		UUID woo = connection("portal-c", "woocommerce", "shop-woo");
		UUID shopify = connection("portal-c", "shopify", "shop-shopify");
		record("portal-c", woo, "products", "11", "Blue mug", "{\"price\": \"12.00\", \"stock\": 4}");
		record("portal-c", shopify, "products", "gid://shopify/Product/1", "Red mug", "{\"price\": \"14.00\"}");
		record("portal-c", woo, "orders", "501", "Order #501", "{\"total\": \"24.00\"}");

		this.mvc.perform(get("/api/portal/commerce/products").with(TestTokens.user("portal-c", "portal-client")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].title").value(containsInAnyOrder("Blue mug", "Red mug")));
		this.mvc.perform(get("/api/portal/commerce/orders").with(TestTokens.user("portal-c", "portal-client")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].data.total").value("24.00"));
		this.mvc.perform(get("/api/portal/commerce/customers").with(TestTokens.user("portal-c", "portal-client")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("resource"));
	}

	private UUID connection(String tenant, String type, String name) {
		UUID id = UUID.randomUUID();
		TenantContext.run(tenant, () -> this.jdbc.sql("""
				insert into connector_connection (id, tenant_id, type, name, config, created_by)
				values (:id, :tenant, :type, :name, '{}'::jsonb, 'test')
				""").param("id", id).param("tenant", tenant).param("type", type).param("name", name).update());
		return id;
	}

	private void record(String tenant, UUID connection, String resource, String externalId, String title, String data) {
		TenantContext.run(tenant,
				() -> this.jdbc.sql("""
						insert into synced_record (tenant_id, connection_id, resource, external_id, title, data)
						values (:tenant, :connection, :resource, :externalId, :title, cast(:data as jsonb))
						""")
					.param("tenant", tenant)
					.param("connection", connection)
					.param("resource", resource)
					.param("externalId", externalId)
					.param("title", title)
					.param("data", data)
					.update());
	}

}
