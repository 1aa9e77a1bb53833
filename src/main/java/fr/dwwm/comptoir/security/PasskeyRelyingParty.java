package fr.dwwm.comptoir.security;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The shop as a WebAuthn « relying party »: its identifier is the host of its public
 * address ({@code app.public-url}), and a signature is accepted only from a page of that
 * origin, which is what makes a passkey useless to a phishing site. Every passkey is a
 * discoverable credential (the person picks it without typing an address) and every use
 * asks the device to verify the person (PIN, fingerprint, face): possession and knowledge
 * or inherence, which is why a passkey stands for the second factor.
 *
 * <p>
 * On a local address ({@code localhost}) the port the server actually listens on is also
 * accepted, so that the demo and the tests, started on a random port, work; a public
 * address accepts only itself.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyRelyingParty {

	/** How long the browser waits for the person to use their device. */
	static final Duration CEREMONY_TIMEOUT = Duration.ofMinutes(5);

	private final URI publicUrl;

	private final Set<String> allowedOrigins = new CopyOnWriteArraySet<>();

	PasskeyRelyingParty(PublicUrl address) {
		URI publicUrl = address.uri();
		this.publicUrl = publicUrl;
		this.allowedOrigins.add(origin(publicUrl.getScheme(), publicUrl.getHost(), publicUrl.getPort()));
	}

	@Bean
	WebAuthnRelyingPartyOperations passkeyRelyingPartyOperations(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials) {
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(users, credentials,
				PublicKeyCredentialRpEntity.builder().id(this.publicUrl.getHost()).name("Comptoir").build(),
				this.allowedOrigins);
		operations.setCustomizeCreationOptions(
				(options) -> options
					.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
						.residentKey(ResidentKeyRequirement.REQUIRED)
						.userVerification(UserVerificationRequirement.REQUIRED)
						.build())
					.timeout(CEREMONY_TIMEOUT));
		operations.setCustomizeRequestOptions(
				(options) -> options.userVerification(UserVerificationRequirement.REQUIRED).timeout(CEREMONY_TIMEOUT));
		return operations;
	}

	@EventListener
	void serverStarted(WebServerInitializedEvent event) {
		if ("localhost".equals(this.publicUrl.getHost())) {
			this.allowedOrigins.add(origin(this.publicUrl.getScheme(), "localhost", event.getWebServer().getPort()));
		}
	}

	/**
	 * The origins a passkey's signature may come from.
	 * @return the origins, e.g. {@code https://comptoir.example}
	 */
	Set<String> allowedOrigins() {
		return Set.copyOf(this.allowedOrigins);
	}

	private static String origin(String scheme, String host, int port) {
		boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
				|| ("http".equals(scheme) && port == 80);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

}
