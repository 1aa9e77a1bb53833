package fr.dwwm.comptoir.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a strict Content-Security-Policy on every response, with a fresh nonce per
 * request.
 *
 * <p>
 * Scripts and styles come from the shop's own origin only; an inline {@code <script>}
 * runs only if it carries this request's nonce, so a script injected into a page by an
 * attacker is refused by the browser. Inline event handlers ({@code onclick=...}) and
 * {@code style} attributes are never allowed. The service worker and the manifest come
 * from the shop itself ({@code worker-src}, {@code manifest-src}). Templates read the
 * nonce from the {@value #NONCE_ATTRIBUTE} request attribute:
 * {@code th:nonce="${cspNonce}"}.
 *
 * <p>
 * Spring Security has no built-in nonce support, hence this filter (see ANSSI PA-009 and
 * OWASP ASVS 3.4.3).
 */
public class ContentSecurityPolicyFilter extends OncePerRequestFilter {

	/** The REST API's interactive page, whose images may be {@code data:} URIs. */
	static final String API_DOCS = "/api/docs";

	/** The site map for search engines, which a person may open in a browser. */
	static final String XML_SITEMAP = "/sitemap.xml";

	/**
	 * The policy of the XML site map: nothing may run, load or connect at all, but the
	 * browser's own XML viewer may draw its tree (inline styles, {@code data:} arrows).
	 * Under the pages' policy the viewer was refused its styles: glued text and console
	 * errors, the first thing a trainer opens for SEO.
	 */
	static final String XML_VIEWER_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	/** Request attribute holding the nonce of the current request. */
	public static final String NONCE_ATTRIBUTE = "cspNonce";

	/** Name of the response header. */
	public static final String HEADER = "Content-Security-Policy";

	private static final int NONCE_BYTES = 16;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		applyTo(request, response);
		chain.doFilter(request, response);
	}

	/**
	 * Draws a nonce for a request and sends the policy that allows it.
	 * @param request the request, which gets the nonce as {@value #NONCE_ATTRIBUTE}
	 * @param response the response, which gets the header
	 */
	static void applyTo(HttpServletRequest request, HttpServletResponse response) {
		String nonce = RandomTokens.urlSafe(NONCE_BYTES);
		request.setAttribute(NONCE_ATTRIBUTE, nonce);
		String policy = policy(nonce);
		if ((request.getContextPath() + API_DOCS).equals(request.getRequestURI())) {
			// Swagger UI (the API's page, demo mode only) draws its icons as data: SVG
			// images. An image cannot run a script: the policy's script rules stay whole.
			policy = policy.replace("img-src 'self';", "img-src 'self' data:;");
		}
		if ((request.getContextPath() + XML_SITEMAP).equals(request.getRequestURI())) {
			policy = XML_VIEWER_POLICY;
		}
		response.setHeader(HEADER, policy);
	}

	/**
	 * Returns the policy for a given nonce.
	 * @param nonce the request's nonce
	 * @return the header value
	 */
	public static String policy(String nonce) {
		return "default-src 'self'; " + "script-src 'self' 'nonce-" + nonce + "'; " + "style-src 'self'; "
				+ "img-src 'self'; " + "font-src 'self'; " + "connect-src 'self'; " + "worker-src 'self'; "
				+ "manifest-src 'self'; " + "object-src 'none'; " + "base-uri 'none'; " + "frame-ancestors 'none'; "
				+ "form-action 'self'";
	}

}
