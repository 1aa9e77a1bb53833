package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.web.NoIndex;
import fr.dwwm.comptoir.account.ShopUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * A customer's orders in their account: the list, the detail of one with its invoice, and
 * cancellation while it is not shipped. Every query is filtered by the customer's
 * account: another customer's order is not found (404).
 */
@Controller
@NoIndex
class AccountOrdersController {

	private final Orders orders;

	private final OrderQueries queries;

	private final Invoices invoices;

	AccountOrdersController(Orders orders, OrderQueries queries, Invoices invoices) {
		this.orders = orders;
		this.queries = queries;
		this.invoices = invoices;
	}

	@GetMapping("/account/orders")
	String list(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("orders", this.queries.ofAccount(user.getAccountId()));
		return "order/orders";
	}

	@GetMapping("/account/orders/{reference}")
	String detail(@PathVariable String reference, @AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("order", owned(reference, user));
		return "order/order";
	}

	@GetMapping("/account/orders/{reference}/invoice.pdf")
	ResponseEntity<byte[]> invoice(@PathVariable String reference, @AuthenticationPrincipal ShopUser user) {
		return CheckoutController.invoicePdf(this.invoices, owned(reference, user));
	}

	@PostMapping("/account/orders/{reference}/cancel")
	String cancel(@PathVariable String reference, @AuthenticationPrincipal ShopUser user, RedirectAttributes redirect) {
		owned(reference, user);
		boolean cancelled = this.orders.cancelByCustomer(reference, user.getAccountId());
		redirect.addFlashAttribute("orderMessage", cancelled ? "order.cancelled" : "order.cannot-cancel");
		return "redirect:/account/orders/" + reference;
	}

	private OrderDetails owned(String reference, ShopUser user) {
		return this.queries.ofCustomer(reference, user.getAccountId())
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

}
