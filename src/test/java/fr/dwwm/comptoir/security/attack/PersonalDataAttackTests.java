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
 * orders.
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

	private String guestOrder(String email) {
		long cart = this.carts.create(null);
		this.carts.add(cart, CatalogFixtures.firstVariant(this.jdbc, this.product), 1);
		long total = this.checkout.quote(this.carts.view(cart), null, null).totals().totalCents();
		return this.checkout.place(TestOrders.of(cart, null, email, total, TestOrders.ACCEPTED_CARD)).reference();
	}

}
