package fr.dwwm.comptoir.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Spring Security's cookie-held CSRF tokens, with 256 random bits instead of the 122 of
 * the UUID it generates (ASVS 7.2.3). Storing and reading stay Spring Security's.
 */
final class StrongCsrfTokens implements CsrfTokenRepository {

	private final CookieCsrfTokenRepository cookies;

	StrongCsrfTokens(CookieCsrfTokenRepository cookies) {
		this.cookies = cookies;
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		CsrfToken names = this.cookies.generateToken(request);
		return new DefaultCsrfToken(names.getHeaderName(), names.getParameterName(),
				RandomTokens.urlSafe(RandomTokens.SECRET_BYTES));
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		this.cookies.saveToken(token, request, response);
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return this.cookies.loadToken(request);
	}

}
