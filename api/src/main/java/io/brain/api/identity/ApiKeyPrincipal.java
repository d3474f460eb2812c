package io.brain.api.identity;

import java.util.List;
import java.util.UUID;

/**
 * Who calls when a request carries an API key.
 *
 * @param id the key's id
 * @param name the key's name
 * @param tenantId the tenant the key belongs to
 * @param permissions what the key may do
 * @param createdBy who created the key
 */
public record ApiKeyPrincipal(UUID id, String name, String tenantId, List<String> permissions, String createdBy) {

}
