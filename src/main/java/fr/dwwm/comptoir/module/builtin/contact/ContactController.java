package fr.dwwm.comptoir.module.builtin.contact;

import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.dwwm.comptoir.module.api.ModuleCustomer;
import fr.dwwm.comptoir.module.api.ShopCustomers;
import fr.dwwm.comptoir.module.api.ShopModules;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The contact page, {@code /contact}: a form whose messages are kept and mailed to the
 * shop ({@link ContactMessages}). Answers 404 while the module is disabled.
 *
 * <p>
 * Against robots, two defences: the shop's rate limit (three {@code POST /contact} per
 * ten minutes and per IP address, in the core's security configuration, so nothing to do
 * here), and a honeypot field ({@code website}) that people do not see and robots fill
 * in: such a message gets the very same answer as a real one, so the robot learns
 * nothing, but it is neither stored nor sent.
 */
@Controller
class ContactController {

	/** The form's page. */
	static final String PAGE = "/contact";

	private static final String VIEW = "modules/contact/page";

	private static final Logger logger = LoggerFactory.getLogger(ContactController.class);

	private final ContactMessages messages;

	private final ShopModules modules;

	private final ShopCustomers customers;

	ContactController(ContactMessages messages, ShopModules modules, ShopCustomers customers) {
		this.messages = messages;
		this.modules = modules;
		this.customers = customers;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		requireEnabled();
		ContactForm form = new ContactForm();
		// A signed-in customer need not type their address again.
		this.customers.current().map(ModuleCustomer::email).ifPresent(form::setEmail);
		model.addAttribute("form", form);
		return formPage(model);
	}

	@PostMapping(PAGE)
	String send(@Valid @ModelAttribute("form") ContactForm form, BindingResult result,
			@RequestParam(name = "website", required = false) String website, Model model) {
		requireEnabled();
		if (isRobot(website)) {
			logger.info("Contact form: honeypot field filled in, message dropped");
			return "redirect:" + PAGE + "?sent";
		}
		if (result.hasErrors()) {
			return formPage(model);
		}
		this.messages.receive(form, this.modules.settings(ContactModule.CODE).text("recipient"));
		return "redirect:" + PAGE + "?sent";
	}

	/**
	 * Tells whether the honeypot field was filled in: people do not see it (hidden by
	 * CSS, out of the keyboard order, hidden from screen readers, labelled "leave empty"
	 * for the rare one who meets it), robots fill in every field.
	 * @param website the value of the {@code website} field
	 * @return whether the sender is a robot
	 */
	static boolean isRobot(String website) {
		return website != null && !website.isBlank();
	}

	private static String formPage(Model model) {
		model.addAttribute("subjects", ContactForm.SUBJECTS);
		return VIEW;
	}

	private void requireEnabled() {
		if (!this.modules.isEnabled(ContactModule.CODE)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
