package fr.dwwm.comptoir.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.dwwm.comptoir.account.PostalAddress;
import fr.dwwm.comptoir.account.ShopUser;
import fr.dwwm.comptoir.system.Paged;
import fr.dwwm.comptoir.web.ApiErrors.ApiException;
import fr.dwwm.comptoir.web.ApiMoney;
import fr.dwwm.comptoir.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders in the REST API, for administrators with their second factor, as the back
 * office's order pages: the list with the same filters, one order with the moves it
 * allows, and a move of its status through the same rule ({@link StaffStatusMove}) and
 * the same state machine ({@link Orders#changeStatus}): a tracking number to ship (the
 * customer is mailed), the stock given back and the payment refunded on cancel. A move
 * the state machine does not allow from where the order stands is a 409 problem, so the
 * same move sent twice changes the order once. Refunds and returns stay in the back
 * office's pages: money leaves the shop there, after a person has looked.
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/admin/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commandes (administrateurs / administrators)",
		description = "Toutes les commandes, pour les administrateurs connectés avec leur second facteur. / All "
				+ "orders, for administrators signed in with their second factor.")
class ApiAdminOrderController {

	private final Orders orders;

	private final OrderQueries queries;

	private final Refunds refunds;

	ApiAdminOrderController(Orders orders, OrderQueries queries, Refunds refunds) {
		this.orders = orders;
		this.queries = queries;
		this.refunds = refunds;
	}

	@GetMapping
	@Operation(summary = "Liste les commandes / Lists the orders",
			description = "Les plus récentes d'abord, filtrées comme dans le back-office. / Newest first, filtered "
					+ "as in the back office.")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "400", description = "Statut ou date illisibles / Unreadable status or date")
	ResponseEntity<ApiAdminOrderPage> list(
			@Parameter(description = "Statut, ex. PAID / Status, e.g. PAID") @RequestParam(
					required = false) String status,
			@Parameter(
					description = "Passées ce jour ou après (AAAA-MM-JJ) / Placed on or after (YYYY-MM-DD)") @RequestParam(
							required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Passées ce jour ou avant / Placed on or before") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(
					description = "Partie du nom ou de l'adresse e-mail / Part of the name or e-mail address") @RequestParam(
							required = false) String customer,
			@Parameter(description = "Page, à partir de 1 / Page, from 1") @RequestParam(defaultValue = "1") int page) {
		OrderStatus wanted = null;
		if (status != null && !status.isBlank()) {
			wanted = OrderStatus.named(status.strip())
				.orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "api.status.400"));
		}
		int pageIndex = Math.max(0, Math.min(page - 1, 10_000));
		Paged<OrderQueries.StaffRow> found = this.queries.search(wanted, from, to, customer, pageIndex,
				AdminOrderController.PAGE_SIZE);
		List<ApiAdminOrderRow> items = found.items()
			.stream()
			.map((row) -> new ApiAdminOrderRow(row.reference(), row.status().name(), row.placedAt(),
					new ApiMoney(row.totalCents()), row.email(), row.name()))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new ApiAdminOrderPage(items, found.page() + 1, found.size(), found.total(), found.pageCount()));
	}

	@GetMapping("/{reference}")
	@Operation(summary = "Lit une commande / Reads an order",
			description = "Avec les statuts où elle peut aller. / With the statuses it may move to.")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "Commande inconnue / Unknown order")
	ResponseEntity<ApiAdminOrder> order(@PathVariable String reference) {
		return answer(find(reference));
	}

	@PostMapping(path = "/{reference}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change le statut d'une commande / Moves an order's status",
			description = "SHIPPED demande un numéro de suivi et prévient le client ; CANCELLED rend le stock et "
					+ "rembourse un paiement. / SHIPPED needs a tracking number and mails the customer; CANCELLED "
					+ "gives the stock back and refunds a payment.")
	@ApiResponse(responseCode = "200", description = "La commande après le changement / The order after the move",
			useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "Commande inconnue / Unknown order")
	@ApiResponse(responseCode = "409",
			description = "Changement impossible depuis le statut actuel / Move not allowed from the current status")
	@ApiResponse(responseCode = "422",
			description = "Statut inconnu, numéro de suivi manquant ou note trop longue / Unknown status, tracking "
					+ "number missing or note too long")
	ResponseEntity<ApiAdminOrder> move(@AuthenticationPrincipal ShopUser staff, @PathVariable String reference,
			@RequestBody ApiStatusMove body) {
		OrderDetails order = find(reference);
		StaffStatusMove move = StaffStatusMove.of(body.status(), body.trackingNumber(), body.note());
		if (move.refusal() != null) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, move.refusal());
		}
		try {
			this.orders.changeStatus(order.id(), move.next(), staff.getAccountId(), move.note(), move.trackingNumber());
		}
		catch (IllegalOrderTransition ex) {
			throw new ApiException(HttpStatus.CONFLICT, "admin.orders.illegal");
		}
		// A paid order cancelled has its refund opened: the provider is asked now, after
		// the cancellation committed (as the back office's page does).
		this.refunds.executePending(order.id());
		return answer(find(reference));
	}

	private OrderDetails find(String reference) {
		return this.queries.byReference(reference)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "api.status.404"));
	}

	private static ResponseEntity<ApiAdminOrder> answer(OrderDetails order) {
		List<ApiOrderController.ApiOrderLine> lines = order.lines()
			.stream()
			.map((line) -> new ApiOrderController.ApiOrderLine(line.name(), line.quantity(),
					new ApiMoney(line.unitPriceCents()), new ApiMoney(line.totalCents())))
			.toList();
		PostalAddress to = order.deliveryAddress();
		ApiAdminOrder body = new ApiAdminOrder(order.reference(), order.status().name(), order.placedAt(),
				order.email(),
				new ApiDeliveryAddress(to.firstName(), to.lastName(), to.line1(), to.line2(), to.postalCode(),
						to.city(), to.country()),
				order.shippingMethod(), order.trackingNumber(), lines, new ApiMoney(order.totals().totalCents()),
				order.invoiceNumber(),
				order.history()
					.stream()
					.map((change) -> new ApiStatusChange(change.status().name(), change.at()))
					.toList(),
				StaffStatusMove.allowedFrom(order.status()).stream().map(OrderStatus::name).toList());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(body);
	}

	/**
	 * A move asked.
	 *
	 * @param status the status to move to, e.g. {@code SHIPPED}
	 * @param trackingNumber the parcel's number, 4 to 40 letters or digits, to ship
	 * @param note a note kept in the history, 500 characters at most, or {@code null}
	 */
	record ApiStatusMove(@Schema(example = "SHIPPED") String status,
			@Schema(example = "6A1234567890", description = "Pour / For SHIPPED") String trackingNumber,
			@Schema(example = "Colis remis au transporteur") String note) {
	}

	/**
	 * An order in the staff list.
	 *
	 * @param reference its reference
	 * @param status its status
	 * @param placedAt when it was placed (ISO 8601, UTC)
	 * @param total what it cost
	 * @param email the customer's address
	 * @param name the delivery's name
	 */
	record ApiAdminOrderRow(String reference, String status, Instant placedAt, ApiMoney total, String email,
			String name) {
	}

	/**
	 * A page of the staff list.
	 *
	 * @param items the orders
	 * @param page its number, from 1
	 * @param size orders per page
	 * @param total orders found
	 * @param pages pages in all
	 */
	record ApiAdminOrderPage(List<ApiAdminOrderRow> items, int page, int size, long total, int pages) {
	}

	/**
	 * An order for staff.
	 *
	 * @param reference its reference
	 * @param status its status
	 * @param placedAt when it was placed
	 * @param email the customer's address
	 * @param deliveryAddress where it goes
	 * @param shippingMethod how
	 * @param trackingNumber the parcel's number once shipped
	 * @param lines what was ordered
	 * @param total what it cost
	 * @param invoiceNumber its invoice, once paid
	 * @param history its statuses, oldest first
	 * @param allowedMoves the statuses staff may move it to now
	 */
	record ApiAdminOrder(String reference, String status, Instant placedAt, String email,
			ApiDeliveryAddress deliveryAddress, String shippingMethod, String trackingNumber,
			List<ApiOrderController.ApiOrderLine> lines, ApiMoney total, String invoiceNumber,
			List<ApiStatusChange> history, List<String> allowedMoves) {
	}

	/**
	 * A delivery address.
	 *
	 * @param firstName first name
	 * @param lastName last name
	 * @param line1 street
	 * @param line2 complement
	 * @param postalCode postal code
	 * @param city city
	 * @param country ISO 3166 code
	 */
	record ApiDeliveryAddress(String firstName, String lastName, String line1, String line2, String postalCode,
			String city, String country) {
	}

	/**
	 * A status the order took.
	 *
	 * @param status the status
	 * @param at when
	 */
	record ApiStatusChange(String status, Instant at) {
	}

}
