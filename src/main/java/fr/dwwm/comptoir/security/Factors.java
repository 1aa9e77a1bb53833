package fr.dwwm.comptoir.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Authorities that describe how far a person has authenticated.
 *
 * <ul>
 * <li>{@value #SECOND_FACTOR_REQUIRED}: the account must prove a second factor (staff
 * always, customers who enabled it);</li>
 * <li>{@value #TOTP}: a one-time code from an authenticator app was proved during this
 * session (Spring Security 7's {@link FactorGrantedAuthority});</li>
 * <li>{@value #WEBAUTHN}: the person signed in with a passkey. A passkey proves
 * possession of a device and, as the shop requires user verification, a PIN or biometric
 * on it: two factors in one gesture, which a phishing site cannot relay (the signature
 * covers the site's origin). It stands for the second factor, staff included.</li>
 * </ul>
 */
public final class Factors {

	/** Granted at password login to accounts that need a second factor. */
	public static final String SECOND_FACTOR_REQUIRED = "SECOND_FACTOR_REQUIRED";

	/** Granted once the authenticator code is verified. */
	public static final String TOTP = "FACTOR_TOTP";

	/** Granted at a passkey sign-in (Spring Security's WebAuthn factor). */
	public static final String WEBAUTHN = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

	private Factors() {
	}

	/**
	 * Tells whether an authentication still lacks its second factor.
	 * @param authentication the current authentication
	 * @return whether the second factor is required and not yet proved
	 */
	public static boolean secondFactorPending(Authentication authentication) {
		return authentication != null && has(authentication, SECOND_FACTOR_REQUIRED) && !has(authentication, TOTP)
				&& !has(authentication, WEBAUTHN);
	}

	/**
	 * Tells whether an authentication carries an authority.
	 * @param authentication the authentication
	 * @param authority the authority
	 * @return whether it is granted
	 */
	public static boolean has(Authentication authentication, String authority) {
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Adds the TOTP factor to the current authentication, in the current security
	 * context.
	 * @param authentication the current authentication
	 * @return the new authentication, to be saved by the caller's repository
	 */
	public static Authentication withTotp(Authentication authentication) {
		List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(TOTP));
		UsernamePasswordAuthenticationToken elevated = UsernamePasswordAuthenticationToken
			.authenticated(authentication.getPrincipal(), null, authorities);
		elevated.setDetails(authentication.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(elevated);
		SecurityContextHolder.setContext(context);
		return elevated;
	}

}
