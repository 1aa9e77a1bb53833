package fr.dwwm.comptoir.module.builtin.newsletter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleCustomer;
import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.ModuleView;
import fr.dwwm.comptoir.module.api.Setting;
import fr.dwwm.comptoir.module.api.ShopModule;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Newsletter sign-up with double opt-in: a block with an e-mail field, the consent
 * sentence and a button; the address is kept as a request until its owner clicks the link
 * mailed to it ({@link Subscriptions}); every confirmation page offers to unsubscribe
 * ({@link NewsletterController}).
 */
@Component
class NewsletterModule implements ShopModule {

	static final String CODE = "newsletter";

	/** The consent sentence shown until an editor changes it. */
	static final String DEFAULT_CONSENT = "J'accepte de recevoir la lettre d'information de Comptoir "
			+ "(nouveautés et offres, une fois par mois au plus). Je peux me désinscrire à tout moment "
			+ "grâce au lien présent dans chaque envoi.";

	/** Where the module's controller answers. */
	static final String OWN_PAGES = "/modules/newsletter/";

	static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.of(CODE, "1.0.0")
		.hooks(List.of(DisplayHook.FOOTER), List.of(DisplayHook.HOME, DisplayHook.ACCOUNT_DASHBOARD))
		.settings(Setting.longText("consent", 500, DEFAULT_CONSENT))
		.storingData();

	@Override
	public ModuleDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public Optional<ModuleView> render(HookContext context) {
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		String page = currentPath(request);
		// The newsletter's own pages already say everything: no second form in their
		// footer.
		if (page.startsWith(OWN_PAGES)) {
			return Optional.empty();
		}
		// A signed-in customer finds their address already typed: their block is theirs.
		// A guest's is the same for every guest on this page and outcome, rendered once:
		// the shop puts each visitor's own CSRF token in its form.
		Optional<String> email = context.signedInCustomer().map(ModuleCustomer::email);
		boolean sent = request != null && request.getParameter(ReturnPaths.OUTCOME_PARAMETER) != null;
		Map<String, Object> model = Map.of("email", email.orElse(""), "returnPath", page, "sent", sent);
		return Optional.of(email.isPresent() ? new ModuleView("modules/newsletter/block", model)
				: ModuleView.shareable("modules/newsletter/block", model));
	}

	/**
	 * The page being rendered, where the form brings the visitor back after signing up.
	 * The block is rendered while the shop renders that page, on the request's thread.
	 * @param request the current request, or {@code null} outside one
	 * @return its path and query, or {@code /} on an error page or outside a request
	 */
	private static String currentPath(HttpServletRequest request) {
		if (request == null || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
			return "/";
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString();
		return ReturnPaths.safe((query != null) ? path + "?" + query : path);
	}

}
