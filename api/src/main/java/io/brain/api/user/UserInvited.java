package io.brain.api.user;

/**
 * A user just invited, with the one-time password they change at first sign-in.
 *
 * @param user the user
 * @param temporaryPassword shown only in this answer
 */
public record UserInvited(TenantUser user, String temporaryPassword) {

	@Override
	public String toString() {
		return "UserInvited[" + this.user + "]";
	}

}
