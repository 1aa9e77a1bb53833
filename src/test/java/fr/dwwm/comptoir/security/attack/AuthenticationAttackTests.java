package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.security.SecretBox;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static fr.dwwm.comptoir.security.attack.Attacker.addressChangeLink;
import static fr.dwwm.comptoir.security.attack.Attacker.code;
import static fr.dwwm.comptoir.security.attack.Attacker.emailOf;
import static fr.dwwm.comptoir.security.attack.Attacker.location;
import static fr.dwwm.comptoir.security.attack.Attacker.nextCode;
import static fr.dwwm.comptoir.security.attack.Attacker.secretShownOn;
import static fr.dwwm.comptoir.security.attack.Attacker.signIn;
import static fr.dwwm.comptoir.security.attack.Attacker.signInWithSecondFactor;
import static fr.dwwm.comptoir.security.attack.Attacker.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on authentication: getting past the second factor with a password alone, and
 * guessing passwords or codes faster than the throttle allows.
 */
@IntegrationTest
class AuthenticationAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SecretBox secrets;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private PasswordEncoder passwords;

	@Test
	void aSecretShownToOneAccountCannotReplaceTheFactorOfAStaffMemberSignedInNextInTheSameBrowser() {
		Account customer = this.accounts.customer();
		String editorSecret = Totp.newSecret();
		Account editor = this.accounts.create(Role.EDITOR, editorSecret);
		Http browser = new Http(this.port);
		signIn(browser, customer.getEmail());
		String attackersSecret = secretShownOn(browser.get("/login/second-factor"));

		signIn(browser, editor.getEmail());
		browser.postForm("/login/second-factor", "/login/second-factor/setup", Map.of("code", code(attackersSecret)));

		assertThat(browser.get("/admin").statusCode()).as("the back office with the editor's password alone")
			.isNotEqualTo(200);
		assertThat(storedSecretOf(editor)).as("the editor's authenticator").isEqualTo(editorSecret);
	}

	@Test
	void aSecretShownBeforeSigningInAsAnotherCustomerIsNeverOfferedOrAcceptedForThatCustomer() {
		Account first = this.accounts.customer();
		Account second = this.accounts.customer();
		Http browser = new Http(this.port);
		signIn(browser, first.getEmail());
		String firstSecret = secretShownOn(browser.get("/login/second-factor"));

		signIn(browser, second.getEmail());
		String secondSecret = secretShownOn(browser.get("/login/second-factor"));
		assertThat(secondSecret).isNotEqualTo(firstSecret);
		HttpResponse<String> refused = browser.postForm("/login/second-factor", "/login/second-factor/setup",
				Map.of("code", code(firstSecret)));
		assertThat(refused.body()).contains("pas valable");
		assertThat(storedSecretOf(second)).isNull();
	}

	@Test
	void anAccountThatHasAFactorCannotSetUpAnotherOneThroughTheSetUpPage() {
		String secret = Totp.newSecret();
		Account customer = this.accounts.create(Role.CUSTOMER, secret);
		Http browser = new Http(this.port);
		signInWithSecondFactor(browser, customer.getEmail(), secret);
		HttpResponse<String> page = browser.get("/login/second-factor");
		assertThat(page.body()).doesNotContain("totp-secret");
		String attackersSecret = Totp.newSecret();
		browser.postForm("/account/security", "/login/second-factor/setup", Map.of("code", code(attackersSecret)));
		assertThat(storedSecretOf(customer)).isEqualTo(secret);
	}

	@Test
	void replacingAFactorNeedsThePasswordAndTheCurrentCodeAndTellsTheOwner() {
		String secret = Totp.newSecret();
		Account customer = this.accounts.create(Role.CUSTOMER, secret);
		Http browser = new Http(this.port);
		signInWithSecondFactor(browser, customer.getEmail(), secret);

		browser.postForm("/account/security", "/account/security/two-factor/replace",
				Map.of("current", TestAccounts.PASSWORD, "code", ""));
		assertThat(browser.get("/login/second-factor").body()).as("password alone").doesNotContain("totp-secret");
		browser.postForm("/account/security", "/account/security/two-factor/replace",
				Map.of("current", "not-the-password", "code", code(secret)));
		assertThat(browser.get("/login/second-factor").body()).as("code alone").doesNotContain("totp-secret");

		browser.postForm("/account/security", "/account/security/two-factor/replace",
				Map.of("current", TestAccounts.PASSWORD, "code", nextCode(secret)));
		String newSecret = secretShownOn(browser.get("/login/second-factor"));
		HttpResponse<String> done = browser.postForm("/login/second-factor", "/login/second-factor/setup",
				Map.of("code", code(newSecret)));
		assertThat(done.body()).containsPattern("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}");
		assertThat(storedSecretOf(customer)).isEqualTo(newSecret);
		assertThat(this.mailbox.to(customer.getEmail())).anySatisfy(
				(mail) -> assertThat(mail.subject()).isEqualTo("Votre application d'authentification a été remplacée"));
		assertThat(auditCount(customer, "MFA_REPLACE", "SUCCESS")).isEqualTo(1);
	}

	@Test
	void removingAFactorNeedsThePasswordAndTheCurrentCodeAndTellsTheOwner() {
		String secret = Totp.newSecret();
		Account customer = this.accounts.create(Role.CUSTOMER, secret);
		Http browser = new Http(this.port);
		signInWithSecondFactor(browser, customer.getEmail(), secret);

		browser.postForm("/account/security", "/account/security/two-factor/disable",
				Map.of("current", TestAccounts.PASSWORD));
		assertThat(storedSecretOf(customer)).as("with the password alone").isEqualTo(secret);
		browser.postForm("/account/security", "/account/security/two-factor/disable",
				Map.of("current", TestAccounts.PASSWORD, "code", wrongCode(secret)));
		assertThat(storedSecretOf(customer)).as("with a wrong code").isEqualTo(secret);

		browser.postForm("/account/security", "/account/security/two-factor/disable",
				Map.of("current", TestAccounts.PASSWORD, "code", nextCode(secret)));
		assertThat(storedSecretOf(customer)).isNull();
		assertThat(this.mailbox.to(customer.getEmail())).anySatisfy((mail) -> assertThat(mail.subject())
			.isEqualTo("La double authentification de votre compte a été désactivée"));
		assertThat(auditCount(customer, "MFA_DISABLE", "SUCCESS")).isEqualTo(1);
	}

	@Test
	void secondFactorFailuresCountPerAccountAcrossSessionsLockTheFactorAtTenAndTellTheOwner() {
		String secret = Totp.newSecret();
		Account editor = this.accounts.create(Role.EDITOR, secret);
		for (int session = 0; session < 3; session++) {
			// A new session each time: the per-session count ends a session after 5.
			Http browser = new Http(this.port);
			signIn(browser, editor.getEmail());
			for (int attempt = 0; attempt < 4; attempt++) {
				browser.postForm("/login/second-factor", "/login/second-factor", Map.of("code", wrongCode(secret)));
			}
		}
		Http owner = new Http(this.port);
		signInWithSecondFactor(owner, editor.getEmail(), secret);
		assertThat(owner.get("/admin").statusCode()).as("even the right code, once locked").isNotEqualTo(200);
		assertThat(this.mailbox.to(editor.getEmail()))
			.anySatisfy((mail) -> assertThat(mail.subject()).isEqualTo("Double authentification bloquée"));
		assertThat(auditCount(editor, "MFA_LOCK", "SUCCESS")).isEqualTo(1);

		// The owner proves their mailbox and chooses a new password: the factor is theirs
		// again.
		new Http(this.port).postForm("/password/forgot", "/password/forgot", Map.of("email", editor.getEmail()));
		String link = Mailbox.link(this.mailbox.to(editor.getEmail())
			.stream()
			.filter((mail) -> mail.subject().equals("Choisissez un nouveau mot de passe"))
			.findFirst()
			.orElseThrow(), "/password/reset");
		Http resetting = new Http(this.port);
		String newPassword = "Une-nouvelle-phrase-de-passe-2026";
		resetting.postForm(link, "/password/reset",
				Map.of("token", link.replaceFirst(".*token=", ""), "password", newPassword));
		Http back = new Http(this.port);
		back.login(editor.getEmail(), newPassword);
		back.postForm("/login/second-factor", "/login/second-factor", Map.of("code", code(secret)));
		assertThat(back.get("/admin").statusCode()).as("unlocked by the new password").isEqualTo(200);
	}

	@Test
	void oneCodeSentByTenSessionsAtOnceOpensOneOfThem() throws Exception {
		// A customer: unlike staff, several sessions may stay open, so only the code's
		// single use can keep the other nine closed.
		String secret = Totp.newSecret();
		Account customer = this.accounts.create(Role.CUSTOMER, secret);
		String code = code(secret);
		List<Http> sessions = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Http session = new Http(this.port);
			signIn(session, customer.getEmail());
			session.csrfToken("/login/second-factor");
			sessions.add(session);
		}
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (Http session : sessions) {
			attempts.add(() -> {
				session.postForm("/login/second-factor", "/login/second-factor", Map.of("code", code));
				return session.get("/account").statusCode();
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(10);
		int opened = 0;
		try {
			for (Future<Integer> attempt : pool.invokeAll(attempts)) {
				opened += (attempt.get() == 200) ? 1 : 0;
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(opened).as("sessions opened by one code replayed in parallel").isEqualTo(1);
	}

	@Test
	void thirtyParallelWrongPasswordsForOneAccountCostAtMostItsFreeFailures() throws Exception {
		Account customer = this.accounts.customer();
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			attempts.add(() -> {
				Http attacker = new Http(this.port);
				return attacker.login(customer.getEmail(), "Mauvais-mot-de-passe-" + System.nanoTime()).statusCode();
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(30);
		try {
			for (Future<Integer> attempt : pool.invokeAll(attempts)) {
				assertThat(attempt.get()).isEqualTo(302);
			}
		}
		finally {
			pool.shutdown();
		}
		int passwordChecks = this.jdbc.sql("""
				SELECT count(*) FROM audit_log
				WHERE action = 'LOGIN' AND outcome = 'FAILURE' AND details ->> 'login' = :email
				  AND details ->> 'reason' = 'BadCredentialsException'""")
			.param("email", customer.getEmail())
			.query(Integer.class)
			.single();
		assertThat(passwordChecks).as("passwords checked out of 30 parallel attempts").isLessThanOrEqualTo(5);
		Http owner = new Http(this.port);
		assertThat(location(owner.login(customer.getEmail(), TestAccounts.PASSWORD)))
			.as("the account is throttled, even for the right password")
			.endsWith("/login?error");
	}

	@Test
	void everyScreenThatAsksThePasswordAgainSharesTheLoginThrottle() {
		for (String action : List.of("/account/security/password", "/account/data/export", "/account/data/delete",
				"/account/security/two-factor/disable", "/account/security/two-factor/replace")) {
			String secret = Totp.newSecret();
			Account customer = this.accounts.create(Role.CUSTOMER, secret);
			Http browser = new Http(this.port);
			signInWithSecondFactor(browser, customer.getEmail(), secret);
			String page = action.startsWith("/account/data") ? "/account/data" : "/account/security";
			for (int attempt = 0; attempt < 5; attempt++) {
				browser.postForm(page, action, Map.of("current", "Pas-le-bon-" + attempt, "password",
						"Une-autre-phrase-de-passe-2026", "code", code(secret)));
			}
			HttpResponse<String> rightPassword = browser.postForm(page, action, Map.of("current", TestAccounts.PASSWORD,
					"password", "Une-autre-phrase-de-passe-2026", "code", code(secret)));

			assertThat(rightPassword.statusCode()).as(action + ": refused, not served").isEqualTo(302);
			assertThat(location(rightPassword)).as(action).endsWith(page);
			assertThat(this.passwords.matches(TestAccounts.PASSWORD, passwordHashOf(customer)))
				.as(action + ": the password is unchanged")
				.isTrue();
			assertThat(storedSecretOf(customer)).as(action + ": the factor is unchanged").isEqualTo(secret);
			assertThat(browser.get("/login/second-factor").body()).as(action + ": no replacement offered")
				.doesNotContain("totp-secret");
			assertThat(accountStillExists(customer)).as(action + ": the account is still there").isTrue();
			assertThat(location(new Http(this.port).login(customer.getEmail(), TestAccounts.PASSWORD)))
				.as(action + ": five wrong passwords there throttle the login too")
				.endsWith("/login?error");
		}
	}

	@Test
	void anAddressChangeLinkWorksOnceOnlyForItsPurposeAndOnlyWhileItIsTheNewestOne() {
		Account customer = this.accounts.customer();
		String first = "premiere-" + UUID.randomUUID() + "@exemple.test";
		String second = "seconde-" + UUID.randomUUID() + "@exemple.test";
		Http browser = new Http(this.port);
		signIn(browser, customer.getEmail());
		new Http(this.port).postForm("/password/forgot", "/password/forgot", Map.of("email", customer.getEmail()));
		String reset = Mailbox.token(Mailbox.link(this.mailbox.to(customer.getEmail()).get(0), "/password/reset"));
		assertThat(browser.postForm("/account/email", "/account/email/confirm", Map.of("token", reset)).body())
			.as("a password reset link of the same account changes no address")
			.contains("data-invalid-link");

		String replaced = Mailbox.token(addressChangeLink(browser, this.mailbox, first));
		String newest = Mailbox.token(addressChangeLink(browser, this.mailbox, second));
		assertThat(new Http(this.port).get("/password/reset?token=" + newest).body())
			.as("an address change link sets no password")
			.contains("plus valable");
		assertThat(browser.postForm("/account/email", "/account/email/confirm", Map.of("token", replaced)).body())
			.as("a link replaced by a newer one")
			.contains("data-invalid-link");
		assertThat(emailOf(this.jdbc, customer)).isEqualTo(customer.getEmail());

		assertThat(location(browser.postForm("/account/email", "/account/email/confirm", Map.of("token", newest))))
			.endsWith("/login?email-changed");
		Http again = new Http(this.port);
		signIn(again, second);
		assertThat(again.postForm("/account/email", "/account/email/confirm", Map.of("token", newest)).body())
			.as("the link replayed")
			.contains("data-invalid-link");
		assertThat(emailOf(this.jdbc, customer)).isEqualTo(second);
	}

	@Test
	void oneAddressChangeLinkSentTenTimesAtOnceChangesTheAddressOnce() throws Exception {
		Account customer = this.accounts.customer();
		String newEmail = "course-" + UUID.randomUUID() + "@exemple.test";
		Http browser = new Http(this.port);
		signIn(browser, customer.getEmail());
		String link = addressChangeLink(browser, this.mailbox, newEmail);
		String csrf = browser.csrfToken(link);
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			attempts.add(() -> browser
				.submit("POST", "/account/email/confirm", Map.of("_csrf", csrf, "token", Mailbox.token(link)))
				.statusCode());
		}
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			for (Future<Integer> attempt : pool.invokeAll(attempts)) {
				assertThat(attempt.get()).as("never a server error").isLessThan(500);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM audit_log WHERE action = 'EMAIL_CHANGE' AND outcome = 'SUCCESS' AND actor_account_id = :id""")
			.param("id", customer.getId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.mailbox.to(customer.getEmail())).as("the former address is told once").hasSize(1);
		assertThat(emailOf(this.jdbc, customer)).isEqualTo(newEmail);
	}

	@Test
	void twoAccountsConfirmingTheSameNewAddressAtOnceGiveItToOneAndTellTheOther() throws Exception {
		String wanted = "convoitee-" + UUID.randomUUID() + "@exemple.test";
		List<Account> rivals = List.of(this.accounts.customer(), this.accounts.customer());
		List<Callable<HttpResponse<String>>> confirmations = new ArrayList<>();
		for (Account rival : rivals) {
			Http browser = new Http(this.port);
			signIn(browser, rival.getEmail());
			String link = addressChangeLink(browser, this.mailbox, wanted);
			String csrf = browser.csrfToken(link);
			confirmations.add(() -> browser.submit("POST", "/account/email/confirm",
					Map.of("_csrf", csrf, "token", Mailbox.token(link))));
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<String> answers = new ArrayList<>();
		try {
			for (Future<HttpResponse<String>> confirmation : pool.invokeAll(confirmations)) {
				HttpResponse<String> answer = confirmation.get();
				answers.add(answer.statusCode() + " " + (answer.statusCode() == 302 ? location(answer)
						: (answer.body().contains("data-address-taken") ? "taken" : "other")));
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(answers).as("one changed, the other told")
			.hasSize(2)
			.anySatisfy((answer) -> assertThat(answer).endsWith("/login?email-changed"))
			.contains("200 taken");
		assertThat(rivals.stream().map((rival) -> emailOf(this.jdbc, rival)).filter(wanted::equals).count())
			.isEqualTo(1);
	}

	private String passwordHashOf(Account account) {
		return this.jdbc.sql("SELECT password_hash FROM account WHERE id = :id")
			.param("id", account.getId())
			.query(String.class)
			.single();
	}

	private String storedSecretOf(Account account) {
		String sealed = this.jdbc.sql("SELECT totp_secret FROM account WHERE id = :id")
			.param("id", account.getId())
			.query(String.class)
			.optional()
			.orElse(null);
		return (sealed != null) ? this.secrets.open(sealed) : null;
	}

	private boolean accountStillExists(Account account) {
		return this.jdbc.sql("SELECT count(*) FROM account WHERE id = :id AND anonymised_at IS NULL")
			.param("id", account.getId())
			.query(Integer.class)
			.single() == 1;
	}

	private int auditCount(Account account, String action, String outcome) {
		return this.jdbc.sql(
				"SELECT count(*) FROM audit_log WHERE actor_account_id = :id AND action = :action AND outcome = :outcome")
			.param("id", account.getId())
			.param("action", action)
			.param("outcome", outcome)
			.query(Integer.class)
			.single();
	}

}
