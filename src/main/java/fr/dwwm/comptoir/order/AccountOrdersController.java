package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.web.NoIndex;
import fr.dwwm.comptoir.account.ShopUser;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * A customer's orders in their account: the list, the detail of one with its invoice and
 * credit notes, cancellation while it is not shipped (what was paid is refunded), and the
 * return request of a delivered order within the withdrawal period. Every query is
 * filtered by the customer's account: another customer's order is not found (404).
 */
@Controller
@NoIndex
class AccountOrdersController {

	private final Orders orders;

	private final OrderQueries queries;

	private final Invoices invoices;

	private final ReturnRequests returns;

	private final Refunds refunds;

	private final CreditNotes creditNotes;

	AccountOrdersController(Orders orders, OrderQueries queries, Invoices invoices, ReturnRequests returns,
			Refunds refunds, CreditNotes creditNotes) {
		this.orders = orders;
		this.queries = queries;
		this.invoices = invoices;
		this.returns = returns;
		this.refunds = refunds;
		this.creditNotes = creditNotes;
	}

	@GetMapping("/account/orders")
	String list(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("orders", this.queries.ofAccount(user.getAccountId()));
		return "order/orders";
	}

	@GetMapping("/account/orders/{reference}")
	String detail(@PathVariable String reference, @AuthenticationPrincipal ShopUser user, Model model) {
		OrderDetails order = owned(reference, user);
		model.addAttribute("order", order);
		model.addAttribute("returns", this.returns.ofOrder(order.id()));
		model.addAttribute("returnable", this.returns.returnable(order.id()).orElse(null));
		model.addAttribute("creditNotes", this.creditNotes.ofOrder(order.id()));
		return "order/order";
	}

	@GetMapping("/account/orders/{reference}/credit-notes/{number}.pdf")
	ResponseEntity<byte[]> creditNote(@PathVariable String reference, @PathVariable String number,
			@AuthenticationPrincipal ShopUser user) {
		return CheckoutController.pdf(this.creditNotes.pdf(owned(reference, user).id(), number), number);
	}

	@GetMapping("/account/orders/{reference}/return")
	String returnForm(@PathVariable String reference, @AuthenticationPrincipal ShopUser user, Model model,
			RedirectAttributes redirect) {
		OrderDetails order = owned(reference, user);
		if (!model.containsAttribute("returnForm")) {
			model.addAttribute("returnForm", new ReturnForm());
		}
		return returnPage(order, model, redirect);
	}

	@PostMapping("/account/orders/{reference}/return")
	String requestReturn(@PathVariable String reference, @Valid @ModelAttribute("returnForm") ReturnForm form,
			BindingResult result, @AuthenticationPrincipal ShopUser user, Model model, RedirectAttributes redirect) {
		OrderDetails order = owned(reference, user);
		if (result.hasErrors()) {
			if (result.getFieldErrors().stream().anyMatch((error) -> !"reason".equals(error.getField()))) {
				// A quantity that is not a whole number, or a line that is not a number.
				model.addAttribute("refusal", "return.quantity.invalid");
				model.addAttribute("refusalArguments", new Object[0]);
			}
			return returnPage(order, model, redirect);
		}
		try {
			this.returns.request(order.id(), user.getAccountId(), form.getQuantities(), form.getReason());
		}
		catch (RefundRefusal refusal) {
			model.addAttribute("refusal", refusal.getMessageKey());
			model.addAttribute("refusalArguments", refusal.getArguments());
			return returnPage(order, model, redirect);
		}
		redirect.addFlashAttribute("orderMessage", "return.requested");
		return "redirect:/account/orders/" + reference;
	}

	/**
	 * The return form, while the order may still be returned; otherwise back to the
	 * order, which says why.
	 */
	private String returnPage(OrderDetails order, Model model, RedirectAttributes redirect) {
		ReturnRequests.Returnable returnable = this.returns.returnable(order.id()).orElse(null);
		if (returnable == null || !returnable.possible()) {
			redirect.addFlashAttribute("orderMessage",
					(returnable != null && !returnable.open()) ? "return.period-over" : "return.not-possible");
			return "redirect:/account/orders/" + order.reference();
		}
		model.addAttribute("order", order);
		model.addAttribute("returnable", returnable);
		return "order/return";
	}

	@GetMapping("/account/orders/{reference}/invoice.pdf")
	ResponseEntity<byte[]> invoice(@PathVariable String reference, @AuthenticationPrincipal ShopUser user) {
		return CheckoutController.invoicePdf(this.invoices, owned(reference, user));
	}

	@PostMapping("/account/orders/{reference}/cancel")
	String cancel(@PathVariable String reference, @AuthenticationPrincipal ShopUser user, RedirectAttributes redirect) {
		OrderDetails order = owned(reference, user);
		boolean cancelled = this.orders.cancelByCustomer(reference, user.getAccountId());
		if (cancelled) {
			// The cancellation committed with its refund opened: the provider is asked
			// now.
			this.refunds.executePending(order.id());
		}
		redirect.addFlashAttribute("orderMessage", cancelled ? "order.cancelled" : "order.cannot-cancel");
		return "redirect:/account/orders/" + reference;
	}

	private OrderDetails owned(String reference, ShopUser user) {
		return this.queries.ofCustomer(reference, user.getAccountId())
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

}
