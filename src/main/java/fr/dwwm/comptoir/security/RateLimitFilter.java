package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how often one IP address may call the forms that attackers automate (login,
 * registration, password reset, contact) and the search API (OWASP ASVS 2.4.1): beyond
 * the limit, the answer is {@code 429 Too Many Requests} with a {@code Retry-After}
 * header, and the page explains it.
 *
 * <p>
 * The address is the one Tomcat reports: behind the reverse proxy, with
 * {@code server.forward-headers-strategy=native}, only the proxy's
 * {@code X-Forwarded-For} is trusted, so a client cannot dodge the limit by sending that
 * header itself.
 */
public class RateLimitFilter extends OncePerRequestFilter {

	/**
	 * One limit: at most {@code requests} per {@code window} for a method and path
	 * prefix.
	 *
	 * @param name rule name, part of the counter key
	 * @param method HTTP method
	 * @param pathPrefix path prefix
	 * @param requests allowed requests per window
	 * @param window window length
	 */
	public record Rule(String name, String method, String pathPrefix, int requests, Duration window) {

		boolean matches(HttpServletRequest request) {
			return this.method.equalsIgnoreCase(request.getMethod())
					&& request.getRequestURI().startsWith(this.pathPrefix);
		}

	}

	private final List<Rule> rules;

	private final Cache<String, Window> windows = Caffeine.newBuilder()
		.expireAfterWrite(1, TimeUnit.HOURS)
		.maximumSize(100_000)
		.build();

	private final boolean trustLoopback;

	/**
	 * Creates the filter.
	 * @param rules the limits
	 * @param trustLoopback whether requests from this computer are never limited (tests
	 * and local demos only)
	 */
	public RateLimitFilter(List<Rule> rules, boolean trustLoopback) {
		this.rules = rules;
		this.trustLoopback = trustLoopback;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean exempt = this.trustLoopback && isLoopback(request.getRemoteAddr());
		for (Rule rule : this.rules) {
			if (!exempt && rule.matches(request)) {
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

	static boolean isLoopback(String address) {
		return "127.0.0.1".equals(address) || "0:0:0:0:0:0:0:1".equals(address) || "::1".equals(address);
	}

	/** Returns 0 when allowed, else the seconds until the window ends. */
	private long consume(Rule rule, String ip) {
		long now = System.currentTimeMillis();
		Window window = this.windows.asMap().compute(rule.name() + "|" + ip, (key, current) -> {
			if (current == null || now - current.start >= rule.window().toMillis()) {
				return new Window(now);
			}
			return current;
		});
		if (window.count.incrementAndGet() <= rule.requests()) {
			return 0;
		}
		return Math.max(1, (window.start + rule.window().toMillis() - now + 999) / 1000);
	}

	private static final class Window {

		private final long start;

		private final AtomicInteger count = new AtomicInteger();

		Window(long start) {
			this.start = start;
		}

	}

}
