package fr.dwwm.comptoir.security;

import java.util.Optional;

/**
 * Finds who a personal API token belongs to, for {@link ApiTokenAuthenticationFilter}.
 * The account feature, which owns the tokens, implements it: security does not read
 * accounts' tables.
 */
public interface ApiTokenResolver {

	/**
	 * Resolves a token sent in {@code Authorization: Bearer …}.
	 * @param token the token as sent
	 * @return its owner's login and the token's scope, or empty when the token is
	 * unknown, revoked, expired, or its account disabled
	 */
	Optional<Resolved> resolve(String token);

	/**
	 * A valid token.
	 *
	 * @param login its owner's login (e-mail address)
	 * @param tokenId its id, for the audit log
	 * @param writes whether it may write (scope {@code READ_WRITE})
	 */
	record Resolved(String login, long tokenId, boolean writes) {
	}

}
