package fr.dwwm.comptoir.security;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Ends, with each request, the memory {@link CoalescedSessionRepository} keeps of the
 * session the request saved: whatever happens in the request, the thread serves the next
 * one knowing nothing of it. Placed around Spring Session's filter, for every dispatch.
 */
final class ForgetSavedSessionFilter implements Filter {

	private final CoalescedSessionRepository<?> sessions;

	ForgetSavedSessionFilter(CoalescedSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.sessions.forgetSavedByThisThread();
		}
	}

}
