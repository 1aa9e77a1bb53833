package fr.dwwm.comptoir.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shop's public address ({@code app.public-url}, {@code APP_PUBLIC_URL}), the base of
 * every full link the shop writes: in its mails (password reset, invitation, orders), in
 * its pages (canonical address, Open Graph, JSON-LD), in the sitemap and
 * {@code robots.txt}, for the modules, and as the passkeys' relying party. Never the
 * request's {@code Host} header, which the visitor chooses.
 *
 * <p>
 * Read once, here. Written with or without a final slash, it gives links with a single
 * one: a doubled slash would make every mailed link one that the security firewall
 * refuses. An address that is not an absolute {@code http://} or {@code https://} one, or
 * that carries a query or a fragment, stops the start with a message saying so (the
 * production profile also requires {@code https://}, see {@code ProductionSafetyCheck}).
 */
@Component
public class PublicUrl {

	private final URI address;

	private final String base;

	PublicUrl(@Value("${app.public-url}") String configured) {
		this.address = parse(configured);
		String written = this.address.toString();
		this.base = written.endsWith("/") ? written.substring(0, written.length() - 1) : written;
	}

	/**
	 * The public address as configured.
	 * @param configured e.g. {@code https://boutique.exemple.fr} or
	 * {@code https://boutique.exemple.fr/}
	 * @return it, checked
	 * @throws IllegalArgumentException if it is not an absolute http(s) address without
	 * query nor fragment
	 */
	public static PublicUrl of(String configured) {
		return new PublicUrl(configured);
	}

	/**
	 * The full address of a page of the shop.
	 * @param path its path and query, starting with {@code /}, e.g.
	 * {@code /password/reset?token=…}
	 * @return e.g. {@code https://boutique.exemple.fr/password/reset?token=…}
	 */
	public String link(String path) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("A path of the shop starts with /: " + path);
		}
		return this.base + path;
	}

	/**
	 * The address itself, for what needs its parts (the passkeys' host and origin).
	 * @return the address
	 */
	public URI uri() {
		return this.address;
	}

	/**
	 * The address without a final slash, e.g. {@code https://boutique.exemple.fr}.
	 * @return the base of the links
	 */
	@Override
	public String toString() {
		return this.base;
	}

	private static URI parse(String configured) {
		String problem = "app.public-url (APP_PUBLIC_URL) must be the shop's absolute address, such as "
				+ "https://boutique.exemple.fr, without query nor fragment; found: '" + configured + "'";
		URI address;
		try {
			address = new URI((configured != null) ? configured.strip() : "");
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(problem, ex);
		}
		String scheme = (address.getScheme() != null) ? address.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || address.getHost() == null
				|| address.getRawQuery() != null || address.getRawFragment() != null
				|| address.getRawUserInfo() != null) {
			throw new IllegalArgumentException(problem);
		}
		return address;
	}

}
