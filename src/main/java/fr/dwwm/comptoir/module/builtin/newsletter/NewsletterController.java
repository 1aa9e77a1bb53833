package fr.dwwm.comptoir.module.builtin.newsletter;

import java.util.Locale;
import java.util.Optional;

import fr.dwwm.comptoir.module.api.ShopModules;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The newsletter's own pages: the sign-up form's target, the confirmation link of the
 * mail, and unsubscribing. All of them answer 404 while the module is disabled.
 *
 * <p>
 * Whatever the address, a valid sign-up always ends with the same redirect: the visitor
 * never learns whether an address was already on the list.
 */
@Controller
class NewsletterController {

	private static final String FORM_PAGE = "modules/newsletter/subscribe";

	/** The longest typed value shown back in the form after an error. */
	private static final int MAX_ECHOED_LENGTH = 320;

	private final Subscriptions subscriptions;

	private final ShopModules modules;

	NewsletterController(Subscriptions subscriptions, ShopModules modules) {
		this.subscriptions = subscriptions;
		this.modules = modules;
	}

	/**
	 * The sign-up form on a page of its own: where a refused address is shown again with
	 * its error, and where a visitor without the block can still sign up.
	 */
	@GetMapping("/modules/newsletter/subscribe")
	String form(Model model) {
		requireEnabled();
		model.addAttribute("email", "");
		return formPage(model);
	}

	@PostMapping("/modules/newsletter/subscribe")
	String subscribe(@RequestParam(name = "email", required = false) String email,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "hook", required = false) String hook, Locale locale, Model model) {
		requireEnabled();
		Optional<String> address = EmailAddresses.normalise(email);
		if (address.isEmpty()) {
			model.addAttribute("email", echoed(email));
			model.addAttribute("error", EmailAddresses.isBlank(email) ? "module.newsletter.email.required"
					: "module.newsletter.email.invalid");
			return formPage(model);
		}
		// The consent recorded is the sentence shown now, read on the server: never a
		// text sent by the browser.
		String consent = this.modules.settings(NewsletterModule.CODE).text("consent");
		this.subscriptions.subscribe(address.get(), consent, locale);
		return "redirect:" + ReturnPaths.afterSignUp(from, hook);
	}

	@GetMapping("/modules/newsletter/confirm")
	ModelAndView confirm(@RequestParam(name = "token", required = false) String token) {
		requireEnabled();
		Subscriptions.Confirmation confirmation = SubscriptionTokens.isWellFormed(token)
				? this.subscriptions.confirm(token) : Subscriptions.Confirmation.INVALID;
		if (confirmation == Subscriptions.Confirmation.INVALID) {
			return invalidLink();
		}
		ModelAndView page = new ModelAndView("modules/newsletter/confirmed");
		page.addObject("token", token);
		page.addObject("already", confirmation == Subscriptions.Confirmation.ALREADY_CONFIRMED);
		page.addObject("noindex", true);
		return page;
	}

	/**
	 * Asks for a confirmation before unsubscribing (a link opened by a mail scanner must
	 * not unsubscribe anyone), or says it is done.
	 */
	@GetMapping("/modules/newsletter/unsubscribe")
	ModelAndView askUnsubscribe(@RequestParam(name = "token", required = false) String token,
			@RequestParam(name = "done", required = false) String done) {
		requireEnabled();
		ModelAndView page = new ModelAndView("modules/newsletter/unsubscribe");
		page.addObject("noindex", true);
		if (done != null) {
			page.addObject("done", true);
			return page;
		}
		if (!SubscriptionTokens.isWellFormed(token) || !this.subscriptions.exists(token)) {
			return invalidLink();
		}
		page.addObject("done", false);
		page.addObject("token", token);
		return page;
	}

	@PostMapping("/modules/newsletter/unsubscribe")
	String unsubscribe(@RequestParam(name = "token", required = false) String token) {
		requireEnabled();
		// The same answer whether the row was there or not (a second click, an old tab).
		if (SubscriptionTokens.isWellFormed(token)) {
			this.subscriptions.unsubscribe(token);
		}
		return "redirect:/modules/newsletter/unsubscribe?done";
	}

	private String formPage(Model model) {
		model.addAttribute("consent", this.modules.settings(NewsletterModule.CODE).text("consent"));
		model.addAttribute("noindex", true);
		return FORM_PAGE;
	}

	private static ModelAndView invalidLink() {
		ModelAndView page = new ModelAndView("modules/newsletter/link-invalid");
		page.addObject("days", Subscriptions.LINK_VALIDITY.toDays());
		page.addObject("noindex", true);
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	private static String echoed(String typed) {
		if (typed == null) {
			return "";
		}
		String printable = typed.replaceAll("\\p{Cc}", "");
		return (printable.length() > MAX_ECHOED_LENGTH) ? printable.substring(0, MAX_ECHOED_LENGTH) : printable;
	}

	private void requireEnabled() {
		if (!this.modules.isEnabled(NewsletterModule.CODE)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
