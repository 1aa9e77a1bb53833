package fr.dwwm.comptoir.admin;

import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.account.CustomerAdministration.CustomerDetail;
import fr.dwwm.comptoir.account.CustomerAdministration.Refusal;
import fr.dwwm.comptoir.account.CustomerAdministration;
import fr.dwwm.comptoir.account.ShopUser;
import fr.dwwm.comptoir.order.OrderQueries;
import fr.dwwm.comptoir.system.Paged;
import fr.dwwm.comptoir.web.PageLinks;

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
 * Customers in the back-office (administrators only): the list with its search by e-mail
 * address or name, the page of one customer with their orders, and the changes an
 * administrator may make: disable the account (its sessions end at once), enable it
 * again, anonymise it at the person's request. The rules and the audit log are in
 * {@link CustomerAdministration}.
 */
@Controller
@NoIndex
class AdminCustomerController {

	private static final String MESSAGE = BackOfficeFlash.MESSAGE;

	private static final String REFUSED = "adminRefused";

	private final CustomerAdministration customers;

	private final OrderQueries orders;

	AdminCustomerController(CustomerAdministration customers, OrderQueries orders) {
		this.customers = customers;
		this.orders = orders;
	}

	@GetMapping("/admin/customers")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
		String query = q.strip();
		if (query.length() > CustomerAdministration.MAX_QUERY_LENGTH) {
			query = query.substring(0, CustomerAdministration.MAX_QUERY_LENGTH);
		}
		Paged<CustomerAdministration.Customer> result = this.customers.search(query,
				Math.max(0, Math.min(page - 1, 10_000)));
		model.addAttribute("q", query);
		model.addAttribute("result", result);
		model.addAttribute("pages",
				PageLinks.of("/admin/customers", Map.of("q", query), result.page(), result.pageCount()));
		return "admin/customers";
	}

	@GetMapping("/admin/customers/{id}")
	String detail(@PathVariable long id, @AuthenticationPrincipal ShopUser user, Model model) {
		CustomerDetail detail = find(id);
		model.addAttribute("detail", detail);
		model.addAttribute("customer", detail.customer());
		model.addAttribute("refusal", this.customers.refusal(detail.customer(), user.getAccountId()).orElse(null));
		model.addAttribute("orders", this.orders.ofAccount(id));
		return "admin/customer";
	}

	@PostMapping("/admin/customers/{id}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal ShopUser user, RedirectAttributes redirect) {
		find(id);
		return done(id, this.customers.disable(id, user.getAccountId()), "admin.customers.done.disabled", redirect);
	}

	@PostMapping("/admin/customers/{id}/enable")
	String enable(@PathVariable long id, @AuthenticationPrincipal ShopUser user, RedirectAttributes redirect) {
		find(id);
		return done(id, this.customers.enable(id, user.getAccountId()), "admin.customers.done.enabled", redirect);
	}

	@PostMapping("/admin/customers/{id}/anonymise")
	String anonymise(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
			@AuthenticationPrincipal ShopUser user, RedirectAttributes redirect) {
		find(id);
		if (!confirm) {
			// Erasure cannot be undone: the form asks to tick a box first.
			redirect.addFlashAttribute(MESSAGE, "admin.customers.anonymise.unconfirmed");
			redirect.addFlashAttribute(REFUSED, true);
			return "redirect:/admin/customers/" + id;
		}
		return done(id, this.customers.anonymise(id, user.getAccountId()), "admin.customers.done.anonymised", redirect);
	}

	private CustomerDetail find(long id) {
		return this.customers.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	private static String done(long id, Optional<Refusal> refusal, String doneMessage, RedirectAttributes redirect) {
		redirect.addFlashAttribute(MESSAGE,
				refusal.map((reason) -> "admin.customers.refused." + reason.name()).orElse(doneMessage));
		redirect.addFlashAttribute(REFUSED, refusal.isPresent());
		return "redirect:/admin/customers/" + id;
	}

}
