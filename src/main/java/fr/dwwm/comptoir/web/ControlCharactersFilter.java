package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with a 400 (the shop's « Requête invalide » page) any request whose parameters
 * carry a NUL byte or another control character that no form of the shop can produce —
 * tabs and line breaks excepted — or a code point HTML forbids (C1 controls,
 * noncharacters, a lone surrogate). PostgreSQL refuses NUL in text anyway: without this
 * filter, such a value reaching a query is a 500 instead of a clear refusal, and the
 * other control characters (escape sequences, backspace) have no place in a name or an
 * address. JSON bodies get the same rule from {@link JsonControlCharacters}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ControlCharactersFilter extends OncePerRequestFilter {

	/**
	 * What HTML forbids in a document's text: the C0 controls but tab, LF and CR, DEL and
	 * the C1 controls, the noncharacters of the basic plane, and a surrogate without its
	 * pair (no character at all). Shown back in a page, any of them makes it invalid.
	 */
	private static final Pattern FORBIDDEN = Pattern
		.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]"
				+ "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

	private static final Logger logger = LoggerFactory.getLogger(ControlCharactersFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasForbiddenCharacter(request.getParameterMap())) {
			logger.info("Refused {} {}: control character in a parameter", request.getMethod(),
					request.getRequestURI());
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Looks for a forbidden character in parameter names and values.
	 * @param parameters the request's parameters
	 * @return whether one carries a control character other than tab, CR and LF
	 */
	/**
	 * Tells whether a text carries a control character other than tab, CR and LF.
	 * @param text a value received
	 * @return whether it does
	 */
	static boolean isForbidden(String text) {
		return text != null && FORBIDDEN.matcher(text).find();
	}

	static boolean hasForbiddenCharacter(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (FORBIDDEN.matcher(parameter.getKey()).find()) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (value != null && FORBIDDEN.matcher(value).find()) {
					return true;
				}
			}
		}
		return false;
	}

}
