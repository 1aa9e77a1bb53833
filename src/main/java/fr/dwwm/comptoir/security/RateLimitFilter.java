package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how often one IP address may call the forms that attackers automate (login,
 * registration, password reset, contact) and the search API (OWASP ASVS 2.4.1): beyond
 * the limit, the answer is {@code 429 Too Many Requests} with a {@code Retry-After}
 * header, and the page explains it. The counters are in PostgreSQL
 * ({@link RateLimitCounters}): two instances of the shop enforce one limit, not two.
 *
 * <p>
 * The address is the one Tomcat reports: behind the reverse proxy, with
 * {@code server.forward-headers-strategy=native}, only the proxy's
 * {@code X-Forwarded-For} is trusted, so a client cannot dodge the limit by sending that
 * header itself.
 */
public class RateLimitFilter extends OncePerRequestFilter {

	/**
	 * One limit: at most {@code requests} per {@code window} for a method and a path
	 * pattern.
	 *
	 * <p>
	 * The pattern is matched the way Spring MVC routes the request (Spring's
	 * {@code PathPattern}, on the decoded path without path parameters), never on the raw
	 * URI: {@code /password/%66orgot} reaches the same form as {@code /password/forgot},
	 * so it must be counted with it.
	 *
	 * @param name rule name, part of the counter key
	 * @param method HTTP method
	 * @param pattern path pattern, e.g. {@code /password/forgot} or
	 * {@code /modules/newsletter/**}
	 * @param requests allowed requests per window
	 * @param window window length
	 * @param perToken whether requests are counted per REST API token (only requests that
	 * carry one) rather than per client IP address
	 */
	public record Rule(String name, HttpMethod method, String pattern, int requests, Duration window,
			boolean perToken) {

		/**
		 * A limit per client IP address.
		 * @param name rule name, part of the counter key
		 * @param method HTTP method
		 * @param pattern path pattern
		 * @param requests allowed requests per window
		 * @param window window length
		 */
		public Rule(String name, HttpMethod method, String pattern, int requests, Duration window) {
			this(name, method, pattern, requests, window, false);
		}

		RequestMatcher matcher() {
			RequestMatcher matcher = RoutedPaths.matcher(this.method, this.pattern);
			// Spring MVC answers HEAD with the GET handler (the whole page is rendered,
			// the
			// body then dropped): a HEAD costs what a GET costs, so it counts like one.
			return (this.method == HttpMethod.GET)
					? new OrRequestMatcher(matcher, RoutedPaths.matcher(HttpMethod.HEAD, this.pattern)) : matcher;
		}

	}

	private final List<Rule> rules;

	private final List<RequestMatcher> matchers;

	private final RateLimitCounters counters;

	private final boolean trustLoopback;

	/**
	 * Creates the filter.
	 * @param rules the limits
	 * @param counters where requests are counted, shared by every instance
	 * @param trustLoopback whether requests from this computer are never limited (tests
	 * and local demos only)
	 */
	public RateLimitFilter(List<Rule> rules, RateLimitCounters counters, boolean trustLoopback) {
		this.rules = rules;
		this.counters = counters;
		this.matchers = rules.stream().map(Rule::matcher).toList();
		this.trustLoopback = trustLoopback;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean exempt = this.trustLoopback && isLoopback(request.getRemoteAddr());
		for (int i = 0; i < this.rules.size(); i++) {
			Rule rule = this.rules.get(i);
			if (rule.perToken()) {
				// A token is counted wherever it comes from, loopback included: a script
				// shares nothing with the person testing the shop on the same machine.
				if (ApiTokenAuthenticationFilter.carriesToken(request) && this.matchers.get(i).matches(request)) {
					long retryAfter = consume(rule, tokenKey(request));
					if (retryAfter > 0) {
						response.setHeader("Retry-After", Long.toString(retryAfter));
						response.sendError(429);
						return;
					}
				}
				continue;
			}
			if (!exempt && this.matchers.get(i).matches(request)) {
				long retryAfter = consume(rule, request.getRemoteAddr());
				if (retryAfter > 0) {
					response.setHeader("Retry-After", Long.toString(retryAfter));
					response.sendError(429);
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The counter key of a token: its SHA-256 digest, so that the counters kept in the
	 * database hold no token.
	 */
	private static String tokenKey(HttpServletRequest request) {
		return "token:" + RandomTokens.digest(request.getHeader("Authorization"));
	}

	static boolean isLoopback(String address) {
		return "127.0.0.1".equals(address) || "0:0:0:0:0:0:0:1".equals(address) || "::1".equals(address);
	}

	/** Returns 0 when allowed, else the seconds until the window ends. */
	private long consume(Rule rule, String client) {
		return this.counters.consume(rule.name() + "|" + client, rule.requests(), rule.window());
	}

}
