package fr.dwwm.comptoir.order;

import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.ShopUser;
import fr.dwwm.comptoir.system.Paged;
import fr.dwwm.comptoir.web.PageLinks;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Orders in the back-office (administrators only): the list with its filters, the detail
 * of one, and the moves its state machine allows from where it stands, a tracking number
 * required to ship (the customer is mailed), stock given back on cancel or refund.
 */
@Controller
@NoIndex
class AdminOrderController {

	/** Longest note kept with a status change ({@code order_status_change.note}). */
	static final int MAX_NOTE = 500;

	static final int PAGE_SIZE = 20;

	private final Orders orders;

	private final OrderQueries queries;

	AdminOrderController(Orders orders, OrderQueries queries) {
		this.orders = orders;
		this.queries = queries;
	}

	@GetMapping("/admin/orders")
	String list(@RequestParam(required = false) String status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String customer, @RequestParam(defaultValue = "1") int page, Model model) {
		OrderStatus wanted = Arrays.stream(OrderStatus.values())
			.filter((s) -> s.name().equals(status))
			.findFirst()
			.orElse(null);
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
		model.addAttribute("next", next(order.status()));
		return "admin/order";
	}

	@PostMapping("/admin/orders/{reference}/status")
	String move(@PathVariable String reference, @RequestParam String status,
			@RequestParam(required = false) String trackingNumber, @RequestParam(required = false) String note,
			@AuthenticationPrincipal ShopUser staff, RedirectAttributes redirect) {
		OrderDetails order = find(reference);
		OrderStatus next = Arrays.stream(OrderStatus.values())
			.filter((s) -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		String tracking = (trackingNumber != null) ? trackingNumber.strip() : null;
		if (next == OrderStatus.SHIPPED && (tracking == null || !tracking.matches("[A-Za-z0-9]{4,40}"))) {
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.orders.tracking-required");
			return "redirect:/admin/orders/" + reference;
		}
		if (next == null) {
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.orders.illegal");
			return "redirect:/admin/orders/" + reference;
		}
		if (note != null && note.strip().length() > MAX_NOTE) {
			// The history's note is limited in the database too (CHECK): refused here
			// with
			// a message rather than there with an error.
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.orders.note-too-long");
			return "redirect:/admin/orders/" + reference;
		}
		try {
			this.orders.changeStatus(order.id(), next, staff.getAccountId(),
					(note != null && !note.isBlank()) ? note.strip() : null,
					(next == OrderStatus.SHIPPED) ? tracking : null);
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.orders.moved");
		}
		catch (IllegalOrderTransition ex) {
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.orders.illegal");
		}
		return "redirect:/admin/orders/" + reference;
	}

	private OrderDetails find(String reference) {
		return this.queries.byReference(reference).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	private static List<OrderStatus> next(OrderStatus current) {
		return Arrays.stream(OrderStatus.values()).filter(current::canMoveTo).toList();
	}

}
