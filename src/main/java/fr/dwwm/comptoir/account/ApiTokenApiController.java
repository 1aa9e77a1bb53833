package fr.dwwm.comptoir.account;

import java.time.Instant;
import java.util.List;

import fr.dwwm.comptoir.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The account's own API tokens through the API itself: listed (never their value) and
 * revoked, e.g. by a script that rotates its token. Creation stays in the account's page,
 * behind the session: a token cannot make tokens.
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Jetons / Tokens", description = "Les jetons d'API du compte. / The account's API tokens.")
@SecurityRequirement(name = "token")
class ApiTokenApiController {

	private final ApiTokens tokens;

	ApiTokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@GetMapping
	@Operation(summary = "Liste mes jetons / Lists my tokens",
			description = "Sans leur valeur, jamais gardée en clair. / Without their value, never kept in clear.")
	ResponseEntity<List<ApiToken>> list(@AuthenticationPrincipal ShopUser user) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(this.tokens.of(user.getAccountId())
				.stream()
				.map((token) -> new ApiToken(token.id(), token.name(), token.writes() ? "READ_WRITE" : "READ",
						token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.live()))
				.toList());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Révoque un de mes jetons / Revokes one of my tokens",
			description = "Demande un jeton en lecture et écriture. / Needs a read-write token.")
	@ApiResponse(responseCode = "204", description = "Révoqué / Revoked")
	@ApiResponse(responseCode = "403", description = "Jeton en lecture seule / Read-only token")
	@ApiResponse(responseCode = "404", description = "Jeton inconnu, d'un autre compte ou déjà révoqué / Unknown, "
			+ "another account's or already revoked")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal ShopUser user, @PathVariable long id) {
		if (!this.tokens.revoke(user.getAccountId(), id)) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * A token, without its value.
	 *
	 * @param id its id
	 * @param name its name
	 * @param scope {@code READ} or {@code READ_WRITE}
	 * @param createdAt when it was created (ISO 8601, UTC)
	 * @param expiresAt when it expires
	 * @param lastUsedAt when it last opened a request, or {@code null}
	 * @param live whether it still opens requests
	 */
	record ApiToken(long id, String name, String scope, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			boolean live) {
	}

}
