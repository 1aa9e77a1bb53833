package fr.dwwm.comptoir.order;

import java.time.Instant;
import java.util.List;

import fr.dwwm.comptoir.account.ShopUser;
import fr.dwwm.comptoir.web.ApiMoney;
import fr.dwwm.comptoir.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The signed-in customer's orders in the REST API, version 1, read by the same queries as
 * « Mon compte › Mes commandes » ({@link OrderQueries}): another customer's order does
 * not exist (404, not 403, so that a reference reveals nothing). Personal answers:
 * {@code Cache-Control: private, no-store}.
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commandes / Orders", description = "Les commandes du client connecté. / The signed-in customer's orders.")
@SecurityRequirement(name = "token")
class ApiOrderController {

	private final OrderQueries orders;

	private final Invoices invoices;

	ApiOrderController(OrderQueries orders, Invoices invoices) {
		this.orders = orders;
		this.invoices = invoices;
	}

	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@GetMapping
	@Operation(summary = "Liste mes commandes / Lists my orders",
			description = "Les commandes du compte, la plus récente d'abord. / The account's orders, newest first.")
	@ApiResponse(responseCode = "401", description = "Sans session ni jeton valable / No session nor valid token")
	ResponseEntity<List<ApiOrderSummary>> list(@AuthenticationPrincipal ShopUser user) {
		List<ApiOrderSummary> summaries = this.orders.ofAccount(user.getAccountId())
			.stream()
			.map((order) -> new ApiOrderSummary(order.reference(), order.status().name(), order.placedAt(),
					new ApiMoney(order.totalCents()), order.items()))
			.toList();
		return ResponseEntity.ok().cacheControl(personal()).body(summaries);
	}

	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@GetMapping("/{reference}")
	@Operation(summary = "Lit une de mes commandes / Reads one of my orders")
	@ApiResponse(responseCode = "404",
			description = "Commande inconnue ou d'un autre client / Unknown order or another customer's")
	ResponseEntity<ApiOrder> order(@AuthenticationPrincipal ShopUser user, @PathVariable String reference) {
		OrderDetails order = this.orders.ofCustomer(reference, user.getAccountId())
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		List<ApiOrderLine> lines = order.lines()
			.stream()
			.map((line) -> new ApiOrderLine(line.name(), line.quantity(), new ApiMoney(line.unitPriceCents()),
					new ApiMoney(line.totalCents())))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(personal())
			.body(new ApiOrder(order.reference(), order.status().name(), order.placedAt(), order.shippingMethod(),
					lines, new ApiMoney(order.totals().totalCents()), order.invoiceNumber(),
					(order.invoiceNumber() != null) ? "/api/v1/orders/" + order.reference() + "/invoice.pdf" : null));
	}

	@GetMapping(path = "/{reference}/invoice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "Télécharge la facture d'une de mes commandes / Downloads one of my orders' invoice",
			description = "Le PDF de la facture, le même que sur la page de la commande. / The invoice's PDF, the "
					+ "same as on the order's page.")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "Commande inconnue, d'un autre client ou pas encore facturée / "
			+ "Unknown order, another customer's or not invoiced yet")
	ResponseEntity<byte[]> invoice(@AuthenticationPrincipal ShopUser user, @PathVariable String reference) {
		OrderDetails order = this.orders.ofCustomer(reference, user.getAccountId())
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		if (order.invoiceNumber() == null) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		ResponseEntity<byte[]> pdf = CheckoutController.invoicePdf(this.invoices, order);
		return ResponseEntity.status(pdf.getStatusCode())
			.headers(pdf.getHeaders())
			.cacheControl(personal())
			.body(pdf.getBody());
	}

	private static CacheControl personal() {
		return CacheControl.noStore().cachePrivate();
	}

	/**
	 * An order in the list.
	 *
	 * @param reference its reference
	 * @param status its status, e.g. {@code SHIPPED}
	 * @param placedAt when it was placed (ISO 8601, UTC)
	 * @param total what it cost
	 * @param items units ordered
	 */
	record ApiOrderSummary(@Schema(example = "CPT-2026-000042") String reference,
			@Schema(example = "SHIPPED") String status, @Schema(example = "2026-12-05T10:47:55Z") Instant placedAt,
			ApiMoney total, @Schema(example = "3") int items) {
	}

	/**
	 * An order.
	 *
	 * @param reference its reference
	 * @param status its status
	 * @param placedAt when it was placed
	 * @param shippingMethod how it is delivered
	 * @param lines what was ordered
	 * @param total what it cost
	 * @param invoiceNumber its invoice's number, once paid
	 * @param invoice the path of the invoice's PDF in this API, or {@code null}
	 */
	record ApiOrder(String reference, String status, Instant placedAt, String shippingMethod, List<ApiOrderLine> lines,
			ApiMoney total, String invoiceNumber, String invoice) {
	}

	/**
	 * A line of an order.
	 *
	 * @param name the product's name when ordered
	 * @param quantity units
	 * @param unitPrice the price of one
	 * @param total the line's amount
	 */
	record ApiOrderLine(String name, int quantity, ApiMoney unitPrice, ApiMoney total) {
	}

}
