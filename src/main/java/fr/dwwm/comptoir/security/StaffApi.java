package fr.dwwm.comptoir.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call the staff part of the REST API ({@code /api/v1/admin/**}): a member of
 * staff whose session proved a second factor, with the role the back office's matching
 * pages ask (orders for administrators, products and stock for editors too). A personal
 * API token never does: it stands for its owner's role, not for a second factor. A plain
 * decision (not Spring Security's « missing authority » one, which sends a browser to the
 * login page) so that the refusal is the API's 403 problem.
 */
final class StaffApi {

	private StaffApi() {
	}

	/**
	 * Lets in a member of staff with one of the roles and a second factor.
	 * @param roles the roles let in, e.g. {@code ROLE_ADMIN}
	 * @return the decision
	 */
	static AuthorizationManager<RequestAuthorizationContext> withSecondFactor(String... roles) {
		return new AuthorizationManager<>() {
			@Override
			public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
					RequestAuthorizationContext context) {
				Authentication who = authentication.get();
				boolean staff = who != null && who.isAuthenticated()
						&& java.util.Arrays.stream(roles).anyMatch((role) -> Factors.has(who, role))
						&& (Factors.has(who, Factors.TOTP) || Factors.has(who, Factors.WEBAUTHN))
						&& !Factors.has(who, ApiTokenAuthenticationFilter.READ_SCOPE);
				return new AuthorizationDecision(staff);
			}
		};
	}

}
