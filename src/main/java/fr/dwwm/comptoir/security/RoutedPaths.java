package fr.dwwm.comptoir.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one way the shop's own security decisions match a request's path: the way Spring
 * MVC routes it. Spring's {@code PathPattern} compares the path decoded segment by
 * segment, without path parameters ({@code ;jsessionid=…}), case-sensitively and without
 * a trailing slash, exactly as the router does; Spring Security's firewall has already
 * refused doubled slashes, dot segments, encoded slashes and semicolons.
 *
 * <p>
 * Matching the raw {@code getRequestURI()} instead let {@code /password/%66orgot} reach
 * the password-reset form while dodging its rate limit: a decision made on another
 * spelling of the path than the one that is served is no decision at all. Spring
 * Security's own {@code requestMatchers("/admin/**")} already use the same matcher.
 */
final class RoutedPaths {

	private RoutedPaths() {
	}

	/**
	 * Matches a method and a path pattern as the router would.
	 * @param method the HTTP method, or {@code null} for any
	 * @param pattern e.g. {@code /password/forgot} or {@code /css/**}
	 * @return the matcher
	 */
	static RequestMatcher matcher(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

	/**
	 * Matches any method on any of the path patterns, as the router would.
	 * @param patterns e.g. {@code /logout}, {@code /css/**}
	 * @return the matcher
	 */
	static RequestMatcher anyOf(String... patterns) {
		RequestMatcher[] matchers = new RequestMatcher[patterns.length];
		for (int i = 0; i < patterns.length; i++) {
			matchers[i] = matcher(null, patterns[i]);
		}
		return new OrRequestMatcher(matchers);
	}

}
