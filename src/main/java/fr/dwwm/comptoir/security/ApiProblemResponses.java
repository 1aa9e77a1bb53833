package fr.dwwm.comptoir.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What Spring Security answers to the JSON API ({@code /api/**}) when it refuses a
 * request before any controller runs: a problem detail (RFC 9457) rather than the login
 * page or an HTML error page, so the page's script can show the message. 401 when the
 * visitor must log in, 403 when the request is forbidden (a missing or wrong CSRF token
 * among others).
 */
class ApiProblemResponses implements AccessDeniedHandler, AuthenticationEntryPoint {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final MessageSource messages;

	private final LocaleResolver locales;

	ApiProblemResponses(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN,
				(denied instanceof ApiTokenAuthenticationFilter.ReadOnlyToken) ? "api.token.read-only"
						: ApiTokenAuthenticationFilter.carriesToken(request) ? "api.token.forbidden" : null);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException missing)
			throws IOException {
		write(request, response, HttpStatus.UNAUTHORIZED,
				ApiTokenAuthenticationFilter.carriesToken(request) ? "api.token.invalid" : null);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		String title = this.messages.getMessage((key != null) ? key : "api.status." + status.value(), null,
				status.getReasonPhrase(), this.locales.resolveLocale(request));
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", title);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		if ("api.token.invalid".equals(key)) {
			// RFC 6750: what a client that sent a bearer token should fix.
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		}
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
