package fr.dwwm.comptoir.account;

import java.time.Duration;
import java.util.List;

import fr.dwwm.comptoir.web.NoIndex;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Mon compte › Accès API »: the account's personal API tokens, created (the token is
 * shown on the answer page only, never again), listed with their scope, expiry and last
 * use, revoked. A form that names another account's token changes nothing.
 */
@Controller
@NoIndex
class ApiTokenController {

	/** The lifetimes offered, in days. */
	static final List<Integer> VALIDITIES = List.of(30, 90, 365);

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/account/api-tokens")
	String page(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("tokens", this.tokens.of(user.getAccountId()));
		model.addAttribute("validities", VALIDITIES);
		return "account/api-tokens";
	}

	@PostMapping("/account/api-tokens")
	String create(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "READ") String scope, @RequestParam(defaultValue = "90") String days,
			Model model, HttpServletResponse response) {
		String label = name.strip();
		Integer validity = VALIDITIES.stream()
			.filter((offered) -> String.valueOf(offered).equals(days))
			.findFirst()
			.orElse(null);
		if (label.isEmpty() || label.length() > 60 || validity == null
				|| !("READ".equals(scope) || "READ_WRITE".equals(scope))) {
			model.addAttribute("tokenProblem", "api-tokens.invalid");
			return page(user, model);
		}
		var created = this.tokens.create(user.getAccountId(), label, "READ_WRITE".equals(scope),
				Duration.ofDays(validity));
		if (created.isEmpty()) {
			model.addAttribute("tokenProblem", "api-tokens.too-many");
			return page(user, model);
		}
		// Shown on this answer only: never stored in clear, never in a redirect or a
		// cache.
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("newToken", created.get());
		return page(user, model);
	}

	@PostMapping("/account/api-tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		boolean revoked = this.tokens.revoke(user.getAccountId(), id);
		redirect.addFlashAttribute("accountMessage", revoked ? "api-tokens.revoked" : "api-tokens.unknown");
		return "redirect:/account/api-tokens";
	}

}
