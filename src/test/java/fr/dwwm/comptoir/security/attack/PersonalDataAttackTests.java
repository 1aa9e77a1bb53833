package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.PersonalData;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.cart.Carts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.order.Checkout;
import fr.dwwm.comptoir.order.TestOrders;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the rights over personal data (C24), now that a customer's export and
 * erasure take in the orders placed as a guest with their address: a customer downloads
 * their data hoping for a stranger's guest order; someone registers with another person's
 * address, never proves it, and has the account deleted to wipe that person's guest
 * orders; an address that passes from one account to another, and back, takes with it the
 * guest orders placed while someone else had it.
 */
@IntegrationTest
class PersonalDataAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private PersonalData personalData;

	@Autowired
	private Carts carts;

	@Autowired
	private Checkout checkout;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Mailbox mailbox;

	private long product;

	@BeforeEach
	void aProduct() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		this.product = fixtures.product(fixtures.category("Données attaquées", null), "Savon convoité", 700, 100,
				Map.of());
	}

	@Test
	void aCustomersDownloadHoldsNoGuestOrderOfAnotherAddress() {
		String victimsOrder = guestOrder("victime-" + UUID.randomUUID() + "@exemple.test");
		Account attacker = this.accounts.customer();
		Http http = new Http(this.port);
		http.login(attacker.getEmail(), TestAccounts.PASSWORD);

		HttpResponse<String> download = http.submit("POST", "/account/data/export",
				Map.of("_csrf", http.csrfToken("/account/data"), "password", TestAccounts.PASSWORD));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).contains(attacker.getEmail()).doesNotContain(victimsOrder);
	}

	@Test
	void anAddressNeverProvedNeitherExportsNorErasesTheGuestOrdersPlacedWithIt() {
		String victim = "proprietaire-" + UUID.randomUUID() + "@exemple.test";
		String victimsOrder = guestOrder(victim);
		Account impostor = this.accounts.customer();
		this.jdbc.sql("UPDATE account SET email = :email, email_verified_at = NULL WHERE id = :id")
			.param("email", victim)
			.param("id", impostor.getId())
			.update();

		assertThat(this.personalData.export(impostor.getId()).toString()).doesNotContain(victimsOrder);
		this.personalData.erase(impostor.getId());

		Map<String, Object> order = this.jdbc
			.sql("SELECT email, ship_last_name, anonymised_at FROM customer_order WHERE reference = :reference")
			.param("reference", victimsOrder)
			.query()
			.singleRow();
		assertThat(order).containsEntry("email", victim).containsEntry("ship_last_name", "Martin");
		assertThat(order.get("anonymised_at")).isNull();
	}

	@Test
	void aGuestOrderStaysWithTheAccountThatHadItsAddressWhenItWasPlacedNotTheNextOneThatProvesIt() {
		Account first = this.accounts.customer();
		String address = first.getEmail();
		String whileTheFirstHadIt = guestOrder(address);
		changeEmail(first.getEmail(), newAddress());
		String beforeAnyoneProvedItAgain = guestOrder(address);
		Account next = this.accounts.customer();
		changeEmail(next.getEmail(), address);
		String withTheNextAccount = guestOrder(address);

		assertThat(this.personalData.export(first.getId())).asString()
			.as("the account that left the address")
			.contains(whileTheFirstHadIt)
			.doesNotContain(beforeAnyoneProvedItAgain, withTheNextAccount);
		assertThat(this.personalData.export(next.getId())).asString()
			.as("the account that proved it next")
			.contains(beforeAnyoneProvedItAgain, withTheNextAccount)
			.doesNotContain(whileTheFirstHadIt);

		this.personalData.erase(next.getId());
		assertThat(emailOfOrder(whileTheFirstHadIt)).as("the next account's erasure leaves the first one's order")
			.isEqualTo(address);
	}

	@Test
	void anAddressThatComesBackToTheAccountThatLeftItGivesNeitherAccountTheOrdersPlacedInTheOthersTime() {
		Account first = this.accounts.customer();
		String address = first.getEmail();
		String firstTime = guestOrder(address);
		String firstsElsewhere = newAddress();
		changeEmail(address, firstsElsewhere);
		Account second = this.accounts.customer();
		changeEmail(second.getEmail(), address);
		String secondsTime = guestOrder(address);
		changeEmail(address, newAddress());
		changeEmail(firstsElsewhere, address);
		String firstAgain = guestOrder(address);

		assertThat(this.personalData.export(second.getId())).asString()
			.as("the account that had the address in between")
			.contains(secondsTime)
			.doesNotContain(firstTime, firstAgain);
		assertThat(this.personalData.export(first.getId())).asString()
			.as("the account that took it back")
			.contains(firstTime, firstAgain)
			.doesNotContain(secondsTime);
		assertThat(this.personalData.export(first.getId()).get("account")).asString()
			.as("an address taken back is no longer listed as a former one")
			.contains("formerEmails=[" + firstsElsewhere + "]");

		changeEmail(address, newAddress());
		assertThat(this.personalData.export(first.getId())).asString()
			.as("leaving it a second time keeps both times it had it")
			.contains(firstTime, firstAgain)
			.doesNotContain(secondsTime);

		this.personalData.erase(second.getId());
		assertThat(emailOfOrder(firstTime)).as("the other account's erasure leaves them").isEqualTo(address);
		assertThat(emailOfOrder(firstAgain)).isEqualTo(address);
	}

	/**
	 * Changes an account's address by the form and the mailed link, signed in as its
	 * owner.
	 */
	private void changeEmail(String from, String to) {
		Http owner = new Http(this.port);
		owner.login(from, TestAccounts.PASSWORD);
		assertThat(owner.changeEmail(to, TestAccounts.PASSWORD, this.mailbox)).endsWith("/login?email-changed");
	}

	private static String newAddress() {
		return "adresse-" + UUID.randomUUID() + "@exemple.test";
	}

	private String emailOfOrder(String reference) {
		return this.jdbc.sql("SELECT email FROM customer_order WHERE reference = :reference")
			.param("reference", reference)
			.query(String.class)
			.single();
	}

	private String guestOrder(String email) {
		long cart = this.carts.create(null);
		this.carts.add(cart, CatalogFixtures.firstVariant(this.jdbc, this.product), 1);
		long total = this.checkout.quote(this.carts.view(cart), null, null).totals().totalCents();
		return this.checkout.place(TestOrders.of(cart, null, email, total, TestOrders.ACCEPTED_CARD)).reference();
	}

}
