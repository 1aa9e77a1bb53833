package fr.dwwm.comptoir.module;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The display hooks of the page being rendered, as templates call them:
 * {@code th:utext="${displayHooks.render('displayHome')}"}. The HTML returned is the
 * modules' templates rendered by Thymeleaf, which escaped every value they printed.
 */
public final class PageHooks {

	private final HookRenderer renderer;

	private final Locale locale;

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	PageHooks(HookRenderer renderer, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		this.renderer = renderer;
		this.locale = locale;
		this.request = request;
		this.response = response;
	}

	/**
	 * Renders a hook that is about no particular thing.
	 * @param hook the hook's name
	 * @return the modules' HTML
	 */
	public String render(String hook) {
		return render(hook, null);
	}

	/**
	 * Renders a hook about one thing (a product).
	 * @param hook the hook's name
	 * @param subjectId the thing's id
	 * @return the modules' HTML
	 */
	public String render(String hook, Long subjectId) {
		return this.renderer.render(hook, subjectId, this.locale, this.request, this.response);
	}

}
