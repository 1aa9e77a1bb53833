package fr.dwwm.comptoir.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Endpoints that exist only in tests, to provoke the failures a real shop must survive.
 * Spring registers the nested controller as a member of this configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestEndpoints {

	@Bean
	Mailbox mailbox(fr.dwwm.comptoir.mail.OutboxSender sender, fr.dwwm.comptoir.mail.DemoMailbox demoMailbox) {
		return new Mailbox(sender, demoMailbox);
	}

	@Bean
	fr.dwwm.comptoir.account.TestAccounts testAccounts(fr.dwwm.comptoir.account.AccountRepository accounts,
			org.springframework.security.crypto.password.PasswordEncoder passwordEncoder,
			fr.dwwm.comptoir.security.SecretBox secrets,
			org.springframework.transaction.support.TransactionTemplate transaction) {
		return new fr.dwwm.comptoir.account.TestAccounts(accounts, passwordEncoder, secrets, transaction);
	}

	@Bean
	static SqlStatements sqlStatements() {
		return new SqlStatements();
	}

	/** A message that must never reach a visitor. */
	public static final String SECRET_FAILURE = "SELECT secret FROM canary_table";

	@RestController
	static class FailingController {

		@GetMapping("/test/failure")
		String failure() {
			throw new IllegalStateException(SECRET_FAILURE);
		}

		@GetMapping("/test/unavailable")
		String unavailable() {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, SECRET_FAILURE);
		}

		@GetMapping("/test/bad-request")
		String badRequest() {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, SECRET_FAILURE);
		}

	}

}
