package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database cannot be reached, the visitor gets the shop's « Service
 * momentanément indisponible » page with the status 503 and a {@code Retry-After}, rather
 * than a 500: nothing is wrong with their request, it is worth trying again in a moment.
 * The connection pool finds the database again by itself once it is back.
 *
 * <p>
 * A filter rather than an exception handler, and placed before every other filter but
 * {@link RequestReference} (whose reference the 503 page shows), because the database is
 * also read before any controller runs (the session, kept in PostgreSQL).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class DatabaseOutageFilter extends OncePerRequestFilter {

	/**
	 * SQLSTATE class 08: connection exception (the server is gone, the socket broke...).
	 */
	private static final String CONNECTION_EXCEPTION_CLASS = "08";

	/** Seconds the visitor is asked to wait before trying again. */
	static final String RETRY_AFTER_SECONDS = "30";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final ITemplateEngine templates;

	private final DataSource dataSource;

	DatabaseOutageFilter(ITemplateEngine templates, DataSource dataSource) {
		this.templates = templates;
		this.dataSource = dataSource;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (response.isCommitted() || !(isDatabaseOutage(ex) || (involvesDatabase(ex) && !databaseReachable()))) {
				throw ex;
			}
			logger.warn("Database unreachable, {} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
					rootMessage(ex));
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
			response.setHeader("Cache-Control", "no-store");
			if (request.getRequestURI().startsWith(request.getContextPath() + "/health")) {
				// A probe that sent a session cookie fails before the health check runs:
				// it gets the check's own answer.
				response.setContentType("application/json");
				response.getWriter().write("{\"status\":\"DOWN\"}");
				return;
			}
			response.setContentType("text/html;charset=UTF-8");
			// Rendered here rather than by the error page, whose layout reads the
			// session,
			// the menus and the cart: all in the unreachable database.
			// French unless the browser asks for English first (no session to read a
			// choice from).
			String languages = request.getHeader("Accept-Language");
			Locale locale = (languages != null && languages.strip().toLowerCase(Locale.ROOT).startsWith("en"))
					? Locale.ENGLISH : Locale.FRENCH;
			response.getWriter().write(this.templates.process("error-unavailable", new Context(locale)));
		}
	}

	/**
	 * Tells whether a failure comes from the database being out of reach (no connection,
	 * a broken one, SQLSTATE class 08), as opposed to a bug or a refused statement.
	 * Causes and suppressed exceptions are searched: a broken connection often shows
	 * first as a failed rollback.
	 * @param failure what was thrown
	 * @return whether a cause is a connection failure
	 */
	static boolean isDatabaseOutage(Throwable failure) {
		java.util.Deque<Throwable> toSee = new java.util.ArrayDeque<>(List.of(failure));
		java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		while (!toSee.isEmpty()) {
			Throwable cause = toSee.pop();
			if (!seen.add(cause)) {
				continue;
			}
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || (cause instanceof SQLException sql
							&& sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS))) {
				return true;
			}
			if (cause.getCause() != null) {
				toSee.push(cause.getCause());
			}
			toSee.addAll(List.of(cause.getSuppressed()));
		}
		return false;
	}

	/**
	 * Tells whether a failure went through the database at all (an SQL or data access
	 * exception among its causes).
	 * @param failure what was thrown
	 * @return whether the database was involved
	 */
	static boolean involvesDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException || cause instanceof DataAccessException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Asks the pool for a connection and checks it: a failure whose exception does not
	 * say « connection » (a failed rollback on a connection that just broke) is an outage
	 * when the database cannot be reached right now.
	 */
	private boolean databaseReachable() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(1);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
