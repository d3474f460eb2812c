package io.brain.api.user;

import java.util.List;

import jakarta.validation.constraints.NotNull;

/**
 * The tenant roles a user should have from now on.
 *
 * @param roles tenant roles: tenant-admin, editor, operator, viewer, portal-client
 */
public record UpdateRolesRequest(@NotNull List<String> roles) {

}
