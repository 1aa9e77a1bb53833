package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in, for one request only, a client of the REST API that sends a personal token:
 * {@code Authorization: Bearer cpt_…} on {@code /api/v1/**}. Nothing is kept in a session
 * and no cookie is set: the next request sends the token again. An unknown, revoked or
 * expired token is answered 401, a read-only token that writes 403, both as problem
 * details ({@link ApiProblemResponses}). A token stands for its owner's role but never
 * for a second factor: staff screens stay closed to it.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	/** The authority of a token that may write. */
	static final String WRITE_SCOPE = "SCOPE_api:write";

	/** The authority of every token. */
	static final String READ_SCOPE = "SCOPE_api:read";

	private static final String BEARER = "Bearer ";

	private final ApiTokenResolver tokens;

	private final UserDetailsService users;

	private final AuthenticationEntryPoint unauthorized;

	private final AccessDeniedHandler forbidden;

	private final SecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

	ApiTokenAuthenticationFilter(ApiTokenResolver tokens, UserDetailsService users,
			AuthenticationEntryPoint unauthorized, AccessDeniedHandler forbidden) {
		this.tokens = tokens;
		this.users = users;
		this.unauthorized = unauthorized;
		this.forbidden = forbidden;
	}

	/**
	 * Tells whether a request carries a token, which then replaces the session and the
	 * CSRF token (a page of another site cannot add this header without CORS, closed).
	 * @param request the request
	 * @return whether it has a bearer {@code Authorization} header
	 */
	static boolean carriesToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	/**
	 * Tells whether a request is a token request of the REST API: the only ones this
	 * filter signs in, and the only ones exempt from the CSRF check.
	 * @param request the request
	 * @return whether it is under {@code /api/v1/} and carries a bearer token
	 */
	static boolean isTokenApiRequest(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/") && carriesToken(request);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isTokenApiRequest(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = request.getHeader("Authorization").substring(BEARER.length()).strip();
		Optional<ApiTokenResolver.Resolved> resolved = this.tokens.resolve(token);
		UserDetails user = resolved.flatMap(this::user).orElse(null);
		if (user == null) {
			this.unauthorized.commence(request, response, new BadCredentialsException("Invalid API token"));
			return;
		}
		boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (!reads && !resolved.get().writes()) {
			this.forbidden.handle(request, response, new ReadOnlyToken());
			return;
		}
		// The owner's role, not « second factor pending » (a token is not a half-open
		// login that the second-factor page would finish): what needs a factor stays
		// closed to it (StaffApi, /admin/**).
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities()
			.stream()
			.filter((authority) -> !Factors.SECOND_FACTOR_REQUIRED.equals(authority.getAuthority()))
			.toList());
		authorities.add(new SimpleGrantedAuthority(READ_SCOPE));
		if (resolved.get().writes()) {
			authorities.add(new SimpleGrantedAuthority(WRITE_SCOPE));
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
		// Kept for this request only: Spring Security's session management, which saves
		// into the session an authentication it does not find there, finds it here and
		// leaves the session alone (else a token would open a session cookie that works
		// without the token).
		this.requestContexts.saveContext(context, request, response);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private Optional<UserDetails> user(ApiTokenResolver.Resolved resolved) {
		try {
			UserDetails user = this.users.loadUserByUsername(resolved.login());
			return (user.isEnabled() && user.isAccountNonLocked()) ? Optional.of(user) : Optional.empty();
		}
		catch (UsernameNotFoundException ex) {
			return Optional.empty();
		}
	}

	/** The refusal of a write sent with a read-only token. */
	static final class ReadOnlyToken extends AccessDeniedException {

		ReadOnlyToken() {
			super("Read-only API token");
		}

	}

}
