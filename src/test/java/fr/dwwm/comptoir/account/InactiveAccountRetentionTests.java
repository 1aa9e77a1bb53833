package fr.dwwm.comptoir.account;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.order.Checkout;
import fr.dwwm.comptoir.order.TestOrders;
import fr.dwwm.comptoir.system.EmbeddedPostgresServer;
import fr.dwwm.comptoir.test.Database;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's account unused for three years is erased by the daily purge, as a deletion
 * asked by the customer would erase it; an account used since (a login, an order, an API
 * token) stays, and so do the staff's. On the real PostgreSQL, the accounts' dates set in
 * the past.
 */
@IntegrationTest
class InactiveAccountRetentionTests {

	@LocalServerPort
	private int port;

	@Autowired
	private InactiveAccounts inactiveAccounts;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Carts carts;

	@Autowired
	private Checkout checkout;

	@Autowired
	private EmbeddedPostgresServer server;

	@Test
	void aLoginByPasswordIsKeptAsTheAccountsLastLogin() {
		Account customer = this.accounts.customer();
		assertThat(lastLoginAgeInSeconds(customer.getId())).as("never logged in").isNull();
		new Http(this.port).login(customer.getEmail(), TestAccounts.PASSWORD);
		assertThat(lastLoginAgeInSeconds(customer.getId())).isNotNull().isLessThan(60);
	}

	@Test
	void customersUnusedForThreeYearsAreWarnedThenErasedThirtyDaysLaterAndTheOthersKept() {
		long unused = customer("3 years 1 day", "3 years 1 day");
		long neverLoggedIn = customer("4 years", null);
		long soonUnused = customer("5 years", "2 years 11 months 10 days");
		long loggedInLately = customer("5 years", "2 years 10 months");
		long orderedLately = customer("5 years", "4 years");
		placeAnOrder(orderedLately);
		long tokenUsedLately = customer("5 years", "4 years");
		this.jdbc.sql("""
				INSERT INTO api_token (account_id, name, token_hash, scope, expires_at, last_used_at)
				VALUES (?, 'script', encode(sha256(convert_to(?, 'UTF8')), 'hex'), 'READ', now() + interval '1 day',
				        now() - interval '1 month')""").params(tokenUsedLately, UUID.randomUUID().toString()).update();
		long editor = this.accounts.create(Role.EDITOR, null).getId();
		backdate(editor, "6 years", "6 years");
		// Warned during an earlier absence, back since, then gone again for three years.
		long warnedBeforeComingBack = customer("7 years", "3 years 1 day");
		warnedDaysAgo(List.of(warnedBeforeComingBack), 4 * 365);

		this.inactiveAccounts.purgeDaily();

		assertThat(List.of(unused, neverLoggedIn, soonUnused, warnedBeforeComingBack)).as("warned, not erased yet")
			.allSatisfy((account) -> {
				assertThat(erased(account)).isFalse();
				assertThat(warnings(account)).isEqualTo(1);
			});
		assertThat(List.of(loggedInLately, orderedLately, tokenUsedLately, editor)).as("neither warned nor erased")
			.allSatisfy((account) -> {
				assertThat(erased(account)).isFalse();
				assertThat(warnings(account)).isZero();
			});
		this.inactiveAccounts.purgeDaily();
		assertThat(warnings(unused)).as("warned once, not every day").isEqualTo(1);

		warnedDaysAgo(List.of(unused, neverLoggedIn, soonUnused), 31);
		long warnedThenBack = customer("5 years", "4 years");
		warnedDaysAgo(List.of(warnedThenBack), 31);
		this.jdbc.sql("UPDATE account SET last_login_at = now() - interval '2 days' WHERE id = ?")
			.param(warnedThenBack)
			.update();
		this.inactiveAccounts.purgeDaily();

		assertThat(erased(unused)).as("unused for three years, warned 31 days ago").isTrue();
		assertThat(this.jdbc.sql("SELECT email IS NULL AND password_hash IS NULL FROM account WHERE id = ?")
			.param(unused)
			.query(Boolean.class)
			.single()).as("its address and password hash are gone").isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM address WHERE account_id = ?")
			.param(unused)
			.query(Long.class)
			.single()).as("its addresses").isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log
				WHERE action = 'ACCOUNT_PURGE' AND target = ? AND actor_account_id IS NULL""")
			.param("account:" + unused)
			.query(Long.class)
			.single()).as("written in the audit log").isEqualTo(1);
		assertThat(erased(neverLoggedIn)).as("created four years ago, never logged in, warned").isTrue();
		assertThat(erased(soonUnused)).as("warned 31 days ago, but its three years are not over yet").isFalse();
		assertThat(erased(warnedThenBack)).as("logged in after the warning").isFalse();
		assertThat(List.of(loggedInLately, orderedLately, tokenUsedLately, editor)).as("used lately, or staff")
			.noneMatch(this::erased);
	}

	@Test
	void theWarningSaysWhenAndHowToKeepTheAccountInTheCustomersLanguage() {
		long unused = customer("3 years 1 day", "3 years 1 day");
		String email = this.jdbc.sql("SELECT email FROM account WHERE id = ?")
			.param(unused)
			.query(String.class)
			.single();
		this.inactiveAccounts.warn();
		Map<String, Object> mail = this.jdbc.sql("SELECT subject, body_text FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query()
			.singleRow();
		assertThat(mail.get("subject")).isEqualTo("Votre compte Comptoir sera bientôt supprimé");
		assertThat((String) mail.get("body_text")).contains("Bonjour Test,", "n'a pas servi depuis bientôt trois ans",
				"supprimé à partir du " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
					.withLocale(Locale.FRENCH)
					.format(LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(30)),
				"/login", "sans votre nom ni vos coordonnées");
	}

	private long warnings(long accountId) {
		String email = this.jdbc.sql("SELECT email FROM account WHERE id = ?")
			.param(accountId)
			.query(String.class)
			.single();
		return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE ?")
			.params(email, "%sera bientôt supprimé%")
			.query(Long.class)
			.single();
	}

	private void warnedDaysAgo(List<Long> accountIds, int days) {
		for (long accountId : accountIds) {
			this.jdbc.sql("UPDATE account SET inactivity_warned_at = now() - make_interval(days => ?) WHERE id = ?")
				.params(days, accountId)
				.update();
		}
	}

	/** A customer with an address, created and last logged in that long ago. */
	private long customer(String created, String lastLogin) {
		long id = this.accounts.customer().getId();
		this.jdbc.sql("""
				INSERT INTO address (account_id, label, first_name, last_name, line1, postal_code, city, country)
				VALUES (?, 'Maison', 'Camille', 'Martin', '8 rue des Lilas', '75011', 'Paris', 'FR')""")
			.param(id)
			.update();
		backdate(id, created, lastLogin);
		return id;
	}

	/** As the owner: the application may not change an account's creation date. */
	private void backdate(long accountId, String created, String lastLogin) {
		Database.asOwner(this.server)
			.sql("UPDATE account SET created_at = now() - ?::interval,"
					+ " last_login_at = now() - ?::interval WHERE id = ?")
			.params(created, lastLogin, accountId)
			.update();
	}

	private void placeAnOrder(long accountId) {
		long cart = this.carts.create(accountId);
		long variant = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = 'EPI-CONF-001'")
			.query(Long.class)
			.single();
		this.carts.add(cart, variant, 1);
		long total = this.checkout.quote(this.carts.view(cart), null, null).totals().totalCents();
		this.checkout.place(TestOrders.of(cart, accountId, "client-" + UUID.randomUUID() + "@exemple.test", total,
				"4242424242424242"));
	}

	private boolean erased(long accountId) {
		return this.jdbc.sql("SELECT anonymised_at IS NOT NULL FROM account WHERE id = ?")
			.param(accountId)
			.query(Boolean.class)
			.single();
	}

	private Long lastLoginAgeInSeconds(long accountId) {
		return this.jdbc.sql("SELECT extract(epoch FROM now() - last_login_at)::bigint FROM account WHERE id = ?")
			.param(accountId)
			.query(Long.class)
			.list()
			.get(0);
	}

}
