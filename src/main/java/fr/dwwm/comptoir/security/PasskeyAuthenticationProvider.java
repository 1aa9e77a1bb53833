package fr.dwwm.comptoir.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * A sign-in with a passkey. Spring Security's relying party checks the signature (of the
 * challenge it issued, for this site's origin, with the user verified on the device);
 * this provider then does what Spring Security's own
 * {@code WebAuthnAuthenticationProvider} leaves out: it refuses a disabled account, like
 * a password login does, and gives the session the same principal as a password login
 * ({@code ShopUser}, which every page of the account reads) with the
 * {@value Factors#WEBAUTHN} factor.
 */
class PasskeyAuthenticationProvider implements AuthenticationProvider {

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final UserDetailsService users;

	private final UserDetailsChecker status = new AccountStatusUserDetailsChecker();

	PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService users) {
		this.relyingParty = relyingParty;
		this.users = users;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
		PublicKeyCredentialUserEntity entity;
		UserDetails user;
		try {
			entity = this.relyingParty.authenticate(request.getWebAuthnRequest());
			user = this.users.loadUserByUsername(entity.getName());
		}
		catch (UsernameNotFoundException ex) {
			throw new BadCredentialsException("Unknown passkey");
		}
		catch (RuntimeException ex) {
			throw new BadCredentialsException("Passkey refused: " + ex.getMessage(), ex);
		}
		this.status.check(user);
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(Factors.WEBAUTHN));
		UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(user,
				null, authorities);
		authenticated.setDetails(authentication.getDetails());
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
	}

}
