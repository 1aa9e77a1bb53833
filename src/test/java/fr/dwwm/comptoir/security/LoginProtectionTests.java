package fr.dwwm.comptoir.security;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Password storage, brute-force throttling and account enumeration (ANSSI PG-078, CNIL
 * 2022-100, OWASP ASVS 6.3 and 11.4). Requests come from made-up IP addresses so that the
 * per-IP counters of these tests touch no other test.
 */
@IntegrationTest
class LoginProtectionTests {

	private static final Pattern ARGON2 = Pattern.compile(
			"^\\{argon2\\}\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=1\\$([A-Za-z0-9+/]{22})\\$([A-Za-z0-9+/]{43})$");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void passwordsAreStoredAsArgon2idAboveOwaspsMinimumWithARandomSalt() throws Exception {
		// Two registrations through the form, as customers do (test accounts share one
		// hash computed once, TestAccounts.passwordHash).
		String first = registered("premier-" + UUID.randomUUID() + "@exemple.test");
		String second = registered("second-" + UUID.randomUUID() + "@exemple.test");
		Matcher matcher = ARGON2.matcher(first);
		assertThat(matcher.matches()).as(first).isTrue();
		assertThat(Integer.parseInt(matcher.group(1))).as("memory in KiB").isGreaterThanOrEqualTo(19456);
		assertThat(Integer.parseInt(matcher.group(2))).as("iterations").isGreaterThanOrEqualTo(2);
		assertThat(java.util.Base64.getDecoder().decode(matcher.group(3) + "==")).as("salt").hasSize(16);
		assertThat(first).as("the same password hashes differently").isNotEqualTo(second);
	}

	/**
	 * Registers a customer through the form, as a visitor does; returns the hash stored.
	 */
	private String registered(String email) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/register").with(csrf())
				.param("email", email)
				.param("firstName", "Alice")
				.param("lastName", "Durand")
				.param("password", "Tartine-beurre-sale-42")
				.param("privacyAccepted", "true"))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).as("registered").endsWith("/register/sent");
		return this.jdbc.sql("SELECT password_hash FROM account WHERE email = :email")
			.param("email", email)
			.query(String.class)
			.single();
	}

	@Test
	void aWeakerOldHashIsUpgradedAtTheNextLogin() throws Exception {
		Account account = this.accounts.customer();
		String weak = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 16384, 2).encode(TestAccounts.PASSWORD);
		this.jdbc.sql("UPDATE account SET password_hash = :hash WHERE id = :id")
			.param("hash", weak)
			.param("id", account.getId())
			.update();
		login(account.getEmail(), TestAccounts.PASSWORD, from("10.6.0.1"));
		assertThat(hashOf(account)).contains("m=19456").isNotEqualTo(weak);
	}

	@Test
	void afterFiveFailuresEvenTheRightPasswordIsRefusedForAWhile() throws Exception {
		Account account = this.accounts.customer();
		RequestPostProcessor ip = from("10.6.1." + (int) (Math.random() * 250));
		for (int i = 0; i < 5; i++) {
			assertThat(login(account.getEmail(), "mauvais-mot-de-passe", ip).getRedirectedUrl())
				.isEqualTo("/login?error");
		}
		assertThat(login(account.getEmail(), TestAccounts.PASSWORD, ip).getRedirectedUrl())
			.as("the sixth attempt is refused although the password is right")
			.isEqualTo("/login?error");
		assertThat(this.jdbc
			.sql("SELECT blocked_until > now() + interval '50 seconds' FROM login_throttle WHERE subject = :subject")
			.param("subject", "email:" + account.getEmail())
			.query(Boolean.class)
			.single()).as("blocked for about a minute").isTrue();
	}

	@Test
	void aLoginWithoutAnEmailIsRefusedLikeAWrongPasswordAndCountedAgainstTheAddress() throws Exception {
		String address = "10.6.3." + (int) (Math.random() * 250);
		MockHttpServletResponse response = this.mvc
			.perform(post("/login").with(csrf()).with(from(address)).param("password", "mauvais-mot-de-passe"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(login("", "mauvais-mot-de-passe", from(address)).getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(this.jdbc.sql("SELECT failures FROM login_throttle WHERE subject = :subject")
			.param("subject", "ip:" + address)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theTwentySixthFailureOfTheDayBlocksTheAddressUntilTheNextDay() throws Exception {
		Account account = this.accounts.customer();
		this.jdbc.sql("""
				INSERT INTO login_throttle (subject, failures, window_started_at, last_failure_at)
				VALUES (:subject, 24, now() - interval '3 hours', now() - interval '2 hours')""")
			.param("subject", "email:" + account.getEmail())
			.update();
		login(account.getEmail(), "mauvais-mot-de-passe", from("10.6.2.1"));
		assertThat(this.jdbc.sql("SELECT blocked_until FROM login_throttle WHERE subject = :subject")
			.param("subject", "email:" + account.getEmail())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isAfter(java.time.Instant.now().plusSeconds(20 * 3600));
		assertThat(login(account.getEmail(), TestAccounts.PASSWORD, from("10.6.2.2")).getRedirectedUrl())
			.isEqualTo("/login?error");
	}

	@Test
	void anUnknownAddressAndAWrongPasswordGetTheSameAnswerAndTheSameDelays() throws Exception {
		Account account = this.accounts.customer();
		String unknown = "inconnu-" + UUID.randomUUID() + "@exemple.test";
		for (int i = 0; i < 6; i++) {
			MockHttpServletResponse wrongPassword = login(account.getEmail(), "mauvais-mot-de-passe", from("10.6.3.1"));
			MockHttpServletResponse unknownAddress = login(unknown, "mauvais-mot-de-passe", from("10.6.3.2"));
			assertThat(unknownAddress.getStatus()).isEqualTo(wrongPassword.getStatus());
			assertThat(unknownAddress.getRedirectedUrl()).isEqualTo(wrongPassword.getRedirectedUrl());
			assertThat(unknownAddress.getContentAsString()).isEqualTo(wrongPassword.getContentAsString());
		}
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM login_throttle WHERE subject IN (:subjects) AND blocked_until > now()")
			.param("subjects", java.util.List.of("email:" + account.getEmail(), "email:" + unknown))
			.query(Integer.class)
			.single()).as("both addresses are throttled alike").isEqualTo(2);
	}

	@Test
	void theStatusOfAnAccountIsOnlyRevealedAfterTheRightPassword() throws Exception {
		Account disabled = this.accounts.customer();
		this.jdbc.sql("UPDATE account SET enabled = false WHERE id = :id").param("id", disabled.getId()).update();
		assertThat(login(disabled.getEmail(), "mauvais-mot-de-passe", from("10.6.4.1")).getRedirectedUrl())
			.isEqualTo("/login?error");
		assertThat(login(disabled.getEmail(), TestAccounts.PASSWORD, from("10.6.4.1")).getRedirectedUrl())
			.isEqualTo("/login?disabled");
	}

	@Test
	void loginsAndFailuresAreInTheAuditLog() throws Exception {
		Account account = this.accounts.create(Role.CUSTOMER, null);
		login(account.getEmail(), "mauvais-mot-de-passe", from("10.6.5.1"));
		login(account.getEmail(), TestAccounts.PASSWORD, from("10.6.5.1"));
		assertThat(this.jdbc.sql("""
				SELECT outcome FROM audit_log
				WHERE action = 'LOGIN' AND ip = '10.6.5.1' ORDER BY id""").query(String.class).list())
			.containsExactly("FAILURE", "SUCCESS");
		assertThat(this.jdbc.sql(
				"SELECT details ->> 'login' FROM audit_log WHERE action = 'LOGIN' AND ip = '10.6.5.1' AND outcome = 'FAILURE'")
			.query(String.class)
			.single()).isEqualTo(account.getEmail());
	}

	private MockHttpServletResponse login(String email, String password, RequestPostProcessor ip) throws Exception {
		return this.mvc.perform(post("/login").with(csrf()).with(ip).param("email", email).param("password", password))
			.andReturn()
			.getResponse();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private String hashOf(Account account) {
		return this.jdbc.sql("SELECT password_hash FROM account WHERE id = :id")
			.param("id", account.getId())
			.query(String.class)
			.single();
	}

}
