package fr.dwwm.comptoir.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Resolves the visitor's language among the ones the shop is translated into. French is
 * the default whatever the browser asks for; any other choice than English falls back to
 * French, so a page is never shown half translated.
 */
public class ShopLocaleResolver extends CookieLocaleResolver {

	/** Query parameter that switches language, e.g. {@code ?lang=en}. */
	public static final String PARAMETER = "lang";

	/** Languages the message bundles cover; the first one is the default. */
	public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

	/** Name of the cookie remembering the choice. */
	static final String COOKIE = "comptoir-lang";

	ShopLocaleResolver() {
		super(COOKIE);
		setDefaultLocale(Locale.FRENCH);
		setCookieMaxAge(Duration.ofDays(365));
		setCookieHttpOnly(true);
		setCookieSameSite("Lax");
		setRejectInvalidCookies(true);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return supported(super.resolveLocale(request));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		super.setLocale(request, response, (locale != null) ? supported(locale) : null);
	}

	static Locale supported(Locale locale) {
		return SUPPORTED.stream()
			.filter((candidate) -> candidate.getLanguage().equals(locale.getLanguage()))
			.findFirst()
			.orElse(SUPPORTED.get(0));
	}

}
