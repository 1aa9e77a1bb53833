package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.ShopUser;
import fr.dwwm.comptoir.system.Paged;
import fr.dwwm.comptoir.web.PageLinks;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Orders in the back-office (administrators only): the list with its filters, the detail
 * of one, and the moves its state machine allows from where it stands, a tracking number
 * required to ship (the customer is mailed), stock given back and payment refunded on
 * cancel; after the sale, the return requests (accept, refuse, goods received), the
 * refunds of all or part of an order and their credit notes.
 */
@Controller
@NoIndex
class AdminOrderController {

	static final int PAGE_SIZE = 20;

	private final Orders orders;

	private final OrderQueries queries;

	private final ReturnRequests returns;

	private final Refunds refunds;

	private final CreditNotes creditNotes;

	private final AccountingExport accounting;

	AdminOrderController(Orders orders, OrderQueries queries, ReturnRequests returns, Refunds refunds,
			CreditNotes creditNotes, AccountingExport accounting) {
		this.accounting = accounting;
		this.orders = orders;
		this.queries = queries;
		this.returns = returns;
		this.refunds = refunds;
		this.creditNotes = creditNotes;
	}

	@GetMapping("/admin/orders")
	String list(@RequestParam(required = false) String status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String customer, @RequestParam(defaultValue = "1") int page, Model model) {
		OrderStatus wanted = OrderStatus.named(status).orElse(null);
		int pageIndex = Math.max(0, Math.min(page - 1, 10_000));
		Paged<OrderQueries.StaffRow> result = this.queries.search(wanted, from, to, customer, pageIndex, PAGE_SIZE);
		model.addAttribute("result", result);
		Map<String, Object> kept = new LinkedHashMap<>();
		kept.put("status", (wanted != null) ? wanted.name() : null);
		kept.put("from", from);
		kept.put("to", to);
		kept.put("customer", customer);
		model.addAttribute("pages", PageLinks.of("/admin/orders", kept, result.page(), result.pageCount()));
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("status", wanted);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("customer", customer);
		return "admin/orders";
	}

	@GetMapping("/admin/orders/{reference}")
	String detail(@PathVariable String reference, Model model) {
		OrderDetails order = find(reference);
		model.addAttribute("order", order);
		model.addAttribute("next", StaffStatusMove.allowedFrom(order.status()));
		List<ReturnRequests.View> requests = this.returns.ofOrder(order.id());
		model.addAttribute("returns", requests);
		model.addAttribute("refunds", this.refunds.ofOrder(order.id()));
		if (order.status().paid()) {
			Refunds.Refundable refundable = this.refunds.refundable(order.id()).orElse(null);
			model.addAttribute("refundable", refundable);
			if (refundable != null && refundable.remainingCents() > 0) {
				model.addAttribute("refundForm", refundForm(requests));
			}
		}
		return "admin/order";
	}

	/**
	 * A new refund form: a new key, and the units of a received return ticked in advance.
	 */
	private static RefundForm refundForm(List<ReturnRequests.View> requests) {
		RefundForm form = new RefundForm();
		form.setKey(UUID.randomUUID());
		requests.stream()
			.filter((request) -> request.status() == ReturnStatus.RECEIVED)
			.findFirst()
			.ifPresent((received) -> {
				form.setReturnId(received.id());
				received.lines().forEach((line) -> form.getQuantities().put(line.orderLineId(), line.quantity()));
			});
		return form;
	}

	/**
	 * The accountant's export of a period's invoices and credit notes (the current month
	 * by default); a reversed period or one longer than a year comes back to the list
	 * with a message.
	 */
	@GetMapping("/admin/orders/accounting.csv")
	ResponseEntity<String> accountingExport(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
			throws java.io.IOException {
		LocalDate today = LocalDate.now(Invoices.SHOP_ZONE);
		LocalDate first = (from != null) ? from : today.withDayOfMonth(1);
		LocalDate last = (to != null) ? to : today;
		if (!AccountingExport.validPeriod(first, last)) {
			// Back to the list, which says why.
			return ResponseEntity.status(org.springframework.http.HttpStatus.SEE_OTHER)
				.location(java.net.URI.create("/admin/orders?accountingPeriod=invalid"))
				.build();
		}
		java.io.StringWriter csv = new java.io.StringWriter();
		this.accounting.write(first, last, csv);
		return ResponseEntity.ok()
			.contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename("comptabilite-" + first + "-" + last + ".csv")
						.build()
						.toString())
			.body(csv.toString());
	}

	@GetMapping("/admin/returns")
	String pendingReturns(Model model) {
		model.addAttribute("returns", this.returns.pending());
		return "admin/returns";
	}

	@PostMapping("/admin/orders/{reference}/returns/{returnId}/accept")
	String acceptReturn(@PathVariable String reference, @PathVariable long returnId,
			@AuthenticationPrincipal ShopUser staff, RedirectAttributes redirect) {
		OrderDetails order = find(reference);
		return afterSale(reference, redirect, "admin.returns.accepted",
				() -> this.returns.accept(order.id(), returnId, staff.getAccountId()));
	}

	@PostMapping("/admin/orders/{reference}/returns/{returnId}/refuse")
	String refuseReturn(@PathVariable String reference, @PathVariable long returnId,
			@RequestParam(required = false) String note, @AuthenticationPrincipal ShopUser staff,
			RedirectAttributes redirect) {
		OrderDetails order = find(reference);
		return afterSale(reference, redirect, "admin.returns.refused",
				() -> this.returns.refuse(order.id(), returnId, staff.getAccountId(), note));
	}

	@PostMapping("/admin/orders/{reference}/returns/{returnId}/receive")
	String receiveReturn(@PathVariable String reference, @PathVariable long returnId,
			@AuthenticationPrincipal ShopUser staff, RedirectAttributes redirect) {
		OrderDetails order = find(reference);
		return afterSale(reference, redirect, "admin.returns.received",
				() -> this.returns.receive(order.id(), returnId, staff.getAccountId()));
	}

	@PostMapping("/admin/orders/{reference}/refund")
	String refund(@PathVariable String reference, @Valid @ModelAttribute RefundForm form, BindingResult result,
			@AuthenticationPrincipal ShopUser staff, RedirectAttributes redirect) {
		OrderDetails order = find(reference);
		if (result.hasErrors()) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, result.hasFieldErrors("extra") ? "refund.amount.invalid"
					: (result.hasFieldErrors("note") ? "refund.note-too-long" : "refund.invalid"));
			return "redirect:/admin/orders/" + reference;
		}
		String note = (form.getNote() != null && !form.getNote().isBlank()) ? form.getNote().strip() : null;
		try {
			Refunds.Outcome outcome = this.refunds.refund(order.id(), form.request(), form.getKey(),
					staff.getAccountId(), form.getReturnId(), note);
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "refund.outcome." + outcome.status());
		}
		catch (RefundRefusal refusal) {
			redirect.addFlashAttribute("refusal", refusal.getMessageKey());
			redirect.addFlashAttribute("refusalArguments", refusal.getArguments());
		}
		return "redirect:/admin/orders/" + reference;
	}

	@GetMapping("/admin/orders/{reference}/credit-notes/{number}.pdf")
	ResponseEntity<byte[]> creditNote(@PathVariable String reference, @PathVariable String number) {
		return CheckoutController.pdf(this.creditNotes.pdf(find(reference).id(), number), number);
	}

	private static String afterSale(String reference, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, done);
		}
		catch (RefundRefusal refusal) {
			redirect.addFlashAttribute("refusal", refusal.getMessageKey());
			redirect.addFlashAttribute("refusalArguments", refusal.getArguments());
		}
		return "redirect:/admin/orders/" + reference;
	}

	@PostMapping("/admin/orders/{reference}/status")
	String move(@PathVariable String reference, @RequestParam String status,
			@RequestParam(required = false) String trackingNumber, @RequestParam(required = false) String note,
			@AuthenticationPrincipal ShopUser staff, RedirectAttributes redirect) {
		OrderDetails order = find(reference);
		StaffStatusMove move = StaffStatusMove.of(status, trackingNumber, note);
		if (move.refusal() != null) {
			// A refusal is an error, shown as one (role="alert"), not as an information.
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, move.refusal());
			return "redirect:/admin/orders/" + reference;
		}
		try {
			this.orders.changeStatus(order.id(), move.next(), staff.getAccountId(), move.note(), move.trackingNumber());
			// A paid order cancelled has its refund opened: the provider is asked now,
			// after the cancellation committed.
			this.refunds.executePending(order.id());
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.orders.moved");
		}
		catch (IllegalOrderTransition ex) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, "admin.orders.illegal");
		}
		return "redirect:/admin/orders/" + reference;
	}

	private OrderDetails find(String reference) {
		return this.queries.byReference(reference).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

}
