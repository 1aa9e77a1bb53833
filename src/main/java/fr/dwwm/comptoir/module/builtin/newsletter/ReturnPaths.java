package fr.dwwm.comptoir.module.builtin.newsletter;

import java.util.regex.Pattern;

import fr.dwwm.comptoir.module.api.DisplayHook;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the visitor goes back after signing up from a block: the page they were on, sent
 * by the form in a hidden field. Since that field can be forged, only a path of this shop
 * is accepted (never {@code //elsewhere} nor {@code https://elsewhere}: no open
 * redirect), made of plain URL characters only.
 */
final class ReturnPaths {

	/** The query parameter that tells the block to say "check your mailbox". */
	static final String OUTCOME_PARAMETER = "newsletter";

	private static final int MAX_LENGTH = 500;

	/**
	 * A path of this site: one leading slash, then only characters that need no encoding
	 * in a URL (no space, no backslash, no brace, no fragment, no control character).
	 */
	private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?]*");

	private ReturnPaths() {
	}

	/**
	 * Checks a return path.
	 * @param raw the value of the hidden field, possibly {@code null}
	 * @return the path if it stays on this site, else the home page {@code /}
	 */
	static String safe(String raw) {
		if (raw == null || raw.length() > MAX_LENGTH || !SITE_PATH.matcher(raw).matches()) {
			return "/";
		}
		return raw;
	}

	/**
	 * The address to go back to once signed up: the page, with {@code newsletter=sent} in
	 * its query and the block's anchor, so that the browser scrolls to the block, which
	 * then says what happened.
	 * @param raw the page the form was on, as sent by the form
	 * @param hook the display hook of the block that sent the form, as sent by the form
	 * @return a site-relative address
	 */
	static String afterSignUp(String raw, String hook) {
		return UriComponentsBuilder.fromUriString(safe(raw))
			.replaceQueryParam(OUTCOME_PARAMETER, "sent")
			.fragment(anchor(hook))
			.build()
			.toUriString();
	}

	/**
	 * The anchor of a newsletter block.
	 * @param hook the display hook it is in, as sent by the form
	 * @return {@code newsletter-} and the hook, or {@code newsletter} if the hook is not
	 * one of the shop's
	 */
	static String anchor(String hook) {
		return (hook != null && DisplayHook.ALL.contains(hook)) ? "newsletter-" + hook : "newsletter";
	}

}
