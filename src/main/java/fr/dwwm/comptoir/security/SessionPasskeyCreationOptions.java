package fr.dwwm.comptoir.security;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey registration in progress (its challenge above all)
 * between the two requests of the ceremony, in the session.
 *
 * <p>
 * Spring Security 7.0's own repository stores the options object as is, which is not
 * {@code Serializable} before 7.1 (gh-16431): the shop's sessions live in PostgreSQL
 * (Spring Session JDBC, shared by every instance), and storing it failed with a 500. This
 * repository stores what the verification reads (relying party, user handle, challenge,
 * user verification, algorithms) as a serializable record, and rebuilds the options from
 * it.
 */
class SessionPasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	private static final String ATTRIBUTE = "comptoir.passkeyCreationOptions";

	private static final List<PublicKeyCredentialParameters> KNOWN_ALGORITHMS = List.of(
			PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
			PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
			PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384,
			PublicKeyCredentialParameters.RS512);

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		request.getSession()
			.setAttribute(ATTRIBUTE,
					new Saved(options.getRp().getId(), options.getRp().getName(), options.getUser().getId().getBytes(),
							options.getUser().getName(), options.getUser().getDisplayName(),
							options.getChallenge().getBytes(),
							options.getAuthenticatorSelection().getUserVerification().getValue(),
							options.getPubKeyCredParams()
								.stream()
								.map((parameters) -> parameters.getAlg().getValue())
								.toList()));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Saved saved)) {
			return null;
		}
		UserVerificationRequirement userVerification = Stream
			.of(UserVerificationRequirement.REQUIRED, UserVerificationRequirement.PREFERRED,
					UserVerificationRequirement.DISCOURAGED)
			.filter((requirement) -> requirement.getValue().equals(saved.userVerification()))
			.findFirst()
			.orElse(UserVerificationRequirement.REQUIRED);
		return PublicKeyCredentialCreationOptions.builder()
			.rp(PublicKeyCredentialRpEntity.builder().id(saved.rpId()).name(saved.rpName()).build())
			.user(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(new Bytes(saved.userHandle()))
				.name(saved.userName())
				.displayName(saved.displayName())
				.build())
			.challenge(new Bytes(saved.challenge()))
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.userVerification(userVerification)
				.build())
			.pubKeyCredParams(KNOWN_ALGORITHMS.stream()
				.filter((parameters) -> saved.algorithms().contains(parameters.getAlg().getValue()))
				.toList())
			.build();
	}

	/**
	 * What the verification of a registration needs, serializable.
	 *
	 * @param rpId the relying party's identifier
	 * @param rpName its name
	 * @param userHandle the account's user handle
	 * @param userName its login
	 * @param displayName its name
	 * @param challenge the challenge sent to the device
	 * @param userVerification {@code required}, {@code preferred} or {@code discouraged}
	 * @param algorithms the COSE algorithms offered
	 */
	record Saved(String rpId, String rpName, byte[] userHandle, String userName, String displayName, byte[] challenge,
			String userVerification, List<Long> algorithms) implements Serializable {
	}

}
