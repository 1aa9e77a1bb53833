package fr.dwwm.comptoir.security;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * The only way rich text written by staff (CMS pages, blocks) reaches a page: the OWASP
 * Java HTML Sanitizer with an allow-list of harmless tags. Anything else — scripts, event
 * handlers, {@code javascript:} links, styles, SVG, forms, frames — is removed.
 *
 * <p>
 * Content is sanitised when it is saved and again when it is shown, so HTML that reached
 * the database some other way (a migration, an SQL console) is never trusted.
 */
@Component
public class RichTextSanitizer {

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "blockquote", "address", "a",
				"table", "thead", "tbody", "tr", "th", "td", "caption")
		.allowUrlProtocols("https", "mailto")
		.allowAttributes("href")
		.matching((String element, String attribute, String value) -> isAllowedLink(value) ? value : null)
		.onElements("a")
		.requireRelsOnLinks("noopener", "noreferrer")
		.allowAttributes("scope")
		.matching(false, "row", "col")
		.onElements("th")
		.toFactory();

	/**
	 * Keeps only the allowed tags and attributes.
	 * @param html untrusted HTML
	 * @return HTML safe to insert into a page
	 */
	public String sanitize(String html) {
		return (html != null) ? POLICY.sanitize(html) : "";
	}

	/**
	 * Links may point into the shop ({@code /pages/cgv}), to an https site or to an
	 * e-mail address; never to {@code javascript:}, {@code data:} or a protocol-relative
	 * {@code //host}.
	 */
	static boolean isAllowedLink(String value) {
		String link = value.strip().toLowerCase(java.util.Locale.ROOT);
		return (link.startsWith("/") && !link.startsWith("//")) || link.startsWith("https://")
				|| link.startsWith("mailto:") || link.startsWith("#");
	}

}
