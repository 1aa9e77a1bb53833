package fr.dwwm.comptoir.account;

import java.time.Instant;
import java.util.Map;

import fr.dwwm.comptoir.security.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, gives the demo editor and administrator a known authenticator secret
 * (documented in the README), so that a trainer can add it to an app, or compute codes
 * with {@code oathtool --totp -b SECRET}, and log into the back-office. Never in
 * production: the production profile turns demo mode off.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoStaffSecondFactor implements ApplicationRunner {

	/** Authenticator secrets of the demo staff, by login. */
	static final Map<String, String> SECRETS = Map.of("editeur@comptoir.test", "COMPTOIREDITEURDEMOAAAAAAAAAAAAA",
			"admin@comptoir.test", "COMPTOIRADMINDEMOAAAAAAAAAAAAAAA");

	private static final Logger logger = LoggerFactory.getLogger(DemoStaffSecondFactor.class);

	private final AccountRepository accounts;

	private final SecretBox secrets;

	DemoStaffSecondFactor(AccountRepository accounts, SecretBox secrets) {
		this.accounts = accounts;
		this.secrets = secrets;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		SECRETS.forEach((email, secret) -> this.accounts.findByEmail(email)
			.filter((account) -> account.getTotpSecret() == null)
			.ifPresent((account) -> {
				account.setTotpSecret(this.secrets.seal(secret));
				account.setMfaEnabledAt(Instant.now());
				logger.info("Demo account {} uses the authenticator secret documented in the README", email);
			}));
	}

}
