package fr.dwwm.comptoir.catalog;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dwwm.comptoir.security.AccountPrincipal;
import fr.dwwm.comptoir.web.ApiErrors.ApiException;
import fr.dwwm.comptoir.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock in the REST API, for staff: the variants running out, and a stock adjustment
 * (a delivery received, breakage, a count) through the same service and rules as the
 * product form's ({@link Stock#adjust}: 1 to {@value Stock#MAX_DELTA} units, a staff
 * reason, never below zero, audited). An adjustment is a new stock movement: 201 with its
 * {@code Location}; the same {@code Idempotency-Key} sent again (a retry after a
 * time-out) finds the movement it made and adjusts nothing more. Staff only, with a
 * second factor proved in the session: a token never opens it
 * ({@code SecurityConfiguration}).
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Stock (personnel / staff)",
		description = "Stock des déclinaisons, pour le personnel connecté avec son second facteur. / Variants' "
				+ "stock, for staff signed in with their second factor.")
class ApiStockController {

	private final Stock stock;

	private final VariantAdministration variants;

	private final ProductQueries queries;

	private final CatalogAudit audit;

	ApiStockController(Stock stock, VariantAdministration variants, ProductQueries queries, CatalogAudit audit) {
		this.stock = stock;
		this.variants = variants;
		this.queries = queries;
		this.audit = audit;
	}

	@GetMapping("/low-stock")
	@Operation(summary = "Liste les déclinaisons bientôt épuisées / Lists the variants running out")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	ResponseEntity<List<ProductQueries.LowStock>> lowStock(
			@Parameter(description = "Stock au plus / Stock at most") @RequestParam(defaultValue = "5") int threshold) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(this.queries.lowStock(Math.max(0, Math.min(threshold, 1000)), 50));
	}

	@PostMapping(path = "/products/{productId}/variants/{variantId}/stock-movements",
			consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ajuste un stock / Adjusts a stock",
			description = "Ajoute (delta positif) ou retire des unités, motif ADJUSTMENT ou INVENTORY. Avec "
					+ "Idempotency-Key, un envoi répété ne change le stock qu'une fois. / Adds (positive delta) or "
					+ "takes units away, reason ADJUSTMENT or INVENTORY. With Idempotency-Key, a repeated request "
					+ "changes the stock once.")
	@ApiResponse(responseCode = "201", description = "Mouvement créé / Movement created", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200",
			description = "Clé déjà utilisée : le mouvement qu'elle a fait / Key used "
					+ "before: the movement it made",
			useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "Produit ou déclinaison inconnus / Unknown product or variant")
	@ApiResponse(responseCode = "409", description = "Le stock passerait sous zéro / The stock would go below zero")
	@ApiResponse(responseCode = "422",
			description = "Delta, motif, note ou clé invalides / Invalid delta, reason, " + "note or key")
	ResponseEntity<Movement> adjust(@AuthenticationPrincipal AccountPrincipal staff, @PathVariable long productId,
			@PathVariable long variantId, @RequestBody Adjustment adjustment,
			@Parameter(description = "UUID choisi par le client / A UUID the client chooses") @RequestHeader(
					name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (!this.variants.belongsTo(productId, variantId)) {
			throw new ApiException(HttpStatus.NOT_FOUND, "api.status.404");
		}
		Stock.Reason reason = Stock.Reason.staffReasons()
			.stream()
			.filter((staffReason) -> staffReason.name().equals(adjustment.reason()))
			.findFirst()
			.orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "api.stock.invalid"));
		String note = (adjustment.note() != null && !adjustment.note().isBlank()) ? adjustment.note().strip() : null;
		if (adjustment.delta() == null || adjustment.delta() == 0 || Math.abs(adjustment.delta()) > Stock.MAX_DELTA
				|| (note != null && note.length() > Stock.MAX_NOTE)) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "api.stock.invalid");
		}
		UUID key = key(idempotencyKey);
		Optional<Stock.Adjusted> adjusted;
		try {
			adjusted = this.stock.adjust(productId, variantId, adjustment.delta(), reason, note, staff.getAccountId(),
					key);
		}
		catch (DuplicateKeyException ex) {
			// The same key at the same instant: the other request made the movement.
			adjusted = this.stock.madeWith(key, staff.getAccountId());
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "api.stock.invalid");
		}
		Stock.Adjusted made = adjusted.orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "api.stock.below-zero"));
		if (!made.replay()) {
			this.audit.did("STOCK_ADJUST", staff.getAccountId(), "product:" + productId,
					Map.of("variant", variantId, "before", made.stockAfter() - made.delta(), "after", made.stockAfter(),
							"reason", reason.name(), "via", "api"));
		}
		Movement body = new Movement(made.movementId(), made.variantId(), made.delta(), made.stockAfter(),
				made.reason().name());
		ResponseEntity.BodyBuilder answer = made.replay() ? ResponseEntity.ok()
				: ResponseEntity.status(HttpStatus.CREATED);
		return answer.location(URI.create("/api/v1/admin/stock-movements/" + made.movementId()))
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

	@GetMapping("/stock-movements/{id}")
	@Operation(summary = "Lit un mouvement de stock / Reads a stock movement")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "Mouvement inconnu / Unknown movement")
	ResponseEntity<Movement> movement(@PathVariable long id) {
		Stock.Adjusted movement = this.stock.movement(id)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "api.status.404"));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new Movement(movement.movementId(), movement.variantId(), movement.delta(), movement.stockAfter(),
					movement.reason().name()));
	}

	/**
	 * Reads an {@code Idempotency-Key} header.
	 * @param typed the header, or {@code null}
	 * @return the key, or {@code null} without one
	 * @throws ApiException 422 when it is not a UUID
	 */
	static UUID key(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(typed.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "api.stock.key-invalid");
		}
	}

	/**
	 * A stock adjustment asked.
	 *
	 * @param delta units to add (positive) or take away (negative), 1 to 100 000
	 * @param reason {@code ADJUSTMENT} or {@code INVENTORY}
	 * @param note a comment, 500 characters at most, or {@code null}
	 */
	record Adjustment(@Schema(example = "12") Integer delta, @Schema(example = "ADJUSTMENT", allowableValues = {
			"ADJUSTMENT", "INVENTORY" }) String reason, @Schema(example = "Livraison du producteur reçue") String note){
	}

	/**
	 * A stock movement made.
	 *
	 * @param id its id
	 * @param variantId the variant
	 * @param delta the units added or taken away
	 * @param stockAfter the stock right after it
	 * @param reason why
	 */
	record Movement(long id, long variantId, int delta, int stockAfter, String reason) {
	}

}
