package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.order.CreditNotes;
import fr.dwwm.comptoir.order.DeliveredOrders;
import fr.dwwm.comptoir.order.Refunds;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static fr.dwwm.comptoir.security.attack.Attacker.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on what comes after the sale: another customer's order reached for a return or
 * its credit note by its reference, however the path is written; a return naming a line
 * of another order, or more units than bought; the same request sent ten times at once; a
 * refund form's idempotency key or a received return replayed on another order.
 */
@IntegrationTest
class AfterSaleAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private DeliveredOrders deliveries;

	@Autowired
	private Refunds refunds;

	@Autowired
	private CreditNotes creditNotes;

	@Autowired
	private JdbcClient jdbc;

	private DeliveredOrders.Delivered victims;

	private String victimsCreditNote;

	private DeliveredOrders.Delivered attackers;

	private Http browser;

	@BeforeEach
	void aVictimWithACreditNoteAndAnAttackerWithAnOrderOfTheirOwn() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long category = fixtures.category("Attaques après-vente", null);
		long bowl = fixtures.variantOf(fixtures.product(category, "Bol convoité", 2400, 50, Map.of()));
		Instant yesterday = Instant.now().minus(Duration.ofDays(1));
		Account victim = this.accounts.customer();
		this.victims = this.deliveries.deliver(victim.getId(), victim.getEmail(), Map.of(bowl, 2), yesterday);
		long staff = this.accounts.create(Role.ADMIN, null).getId();
		this.victimsCreditNote = this.refunds
			.refund(this.victims.id(), new Refunds.Request(Map.of(), false, 500), UUID.randomUUID(), staff, null, null)
			.creditNote();
		Account attacker = this.accounts.customer();
		this.attackers = this.deliveries.deliver(attacker.getId(), attacker.getEmail(), Map.of(bowl, 1), yesterday);
		this.browser = new Http(this.port);
		signIn(this.browser, attacker.getEmail());
	}

	@Test
	void anotherCustomersOrderIsNeitherReturnedNorItsCreditNoteReadWhateverTheSpelling() {
		String order = "/account/orders/" + this.victims.reference();
		for (String path : List.of(order + "/return", order + "/credit-notes/" + this.victimsCreditNote + ".pdf",
				"/account/orders/" + this.attackers.reference() + "/credit-notes/" + this.victimsCreditNote + ".pdf")) {
			for (String spelling : Attacker.spellings(path)) {
				HttpResponse<String> page = this.browser.get(spelling);
				assertThat(page.statusCode()).as(spelling).isNotEqualTo(200);
				assertThat(page.body()).as(spelling).doesNotContain("Bol convoité").doesNotContain("%PDF");
			}
		}
		HttpResponse<String> post = this.browser.postForm("/account", order + "/return",
				Map.of("quantities[" + this.victims.lineIds().get(0) + "]", "1", "reason", "à moi"));
		assertThat(post.statusCode()).isEqualTo(404);
		assertThat(returnRequests(this.victims)).isZero();
		assertThat(this.creditNotes.ofOrder(this.victims.id())).hasSize(1);
	}

	@Test
	void aReturnNamingALineOfAnotherOrderOrUnitsNeverBoughtIsRefusedAndCreatesNothing() {
		String action = "/account/orders/" + this.attackers.reference() + "/return";
		long own = this.attackers.lineIds().get(0);
		for (Map<String, String> form : List.of(
				Map.of("quantities[" + this.victims.lineIds().get(0) + "]", "1", "reason", "la ligne d'un autre"),
				Map.of("quantities[" + own + "]", "2", "reason", "plus que je n'ai acheté"),
				Map.of("quantities[" + own + "]", "-1", "reason", "une quantité négative"),
				Map.of("quantities[" + own + "]", "1 OR 1=1", "reason", "une injection"),
				Map.of("quantities[abc]", "1", "reason", "une clé qui n'est pas un nombre"))) {
			HttpResponse<String> answer = this.browser.postForm("/account", action, form);
			assertThat(answer.statusCode()).as(form.toString()).isEqualTo(200);
			assertThat(answer.body()).as(form.toString()).contains("alert-danger");
		}
		assertThat(returnRequests(this.attackers)).isZero();
		assertThat(returnRequests(this.victims)).isZero();
	}

	@Test
	void tenReturnRequestsSentAtOnceForTheSameOrderCreateOne() throws Exception {
		String action = "/account/orders/" + this.attackers.reference() + "/return";
		Map<String, String> form = Map.of("quantities[" + this.attackers.lineIds().get(0) + "]", "1", "reason",
				"course");
		String token = this.browser.csrfToken("/account");
		Map<String, String> withToken = new java.util.LinkedHashMap<>(form);
		withToken.put("_csrf", token);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.browser.submit("POST", action, withToken).statusCode();
				}));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).as("a redirect or the form with its message, never an error")
					.isIn(200, 302, 303);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(returnRequests(this.attackers)).isOne();
		assertThat(this.jdbc.sql("""
				SELECT sum(quantity) FROM return_line l JOIN return_request r ON r.id = l.return_id
				WHERE r.order_id = :order""").param("order", this.attackers.id()).query(Integer.class).single())
			.isOne();
	}

	@Test
	void aRefundFormsKeyOrAReturnOfAnotherOrderReplayedOnThisOneRefundsNothing() {
		StaffLogin admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
		String key = UUID.randomUUID().toString();
		String victimsPage = "/admin/orders/" + this.victims.reference();
		admin.http().postForm(victimsPage, victimsPage + "/refund", Map.of("key", key, "extra", "1,00"));
		assertThat(refunds(this.victims)).isEqualTo(2);

		String attackersPage = "/admin/orders/" + this.attackers.reference();
		admin.http().postForm(attackersPage, attackersPage + "/refund", Map.of("key", key, "extra", "1,00"));
		long victimsReturn = this.jdbc.sql("""
				INSERT INTO return_request (order_id, status, reason, requested_at, decided_at, received_at)
				VALUES (:order, 'RECEIVED', 'reçu', now(), now(), now()) RETURNING id""")
			.param("order", this.victims.id())
			.query(Long.class)
			.single();
		admin.http()
			.postForm(attackersPage, attackersPage + "/refund", Map.of("key", UUID.randomUUID().toString(), "returnId",
					String.valueOf(victimsReturn), "quantities[" + this.attackers.lineIds().get(0) + "]", "1"));

		assertThat(refunds(this.attackers)).isZero();
		assertThat(refunds(this.victims)).isEqualTo(2);
	}

	private int returnRequests(DeliveredOrders.Delivered order) {
		return this.jdbc.sql("SELECT count(*) FROM return_request WHERE order_id = :order")
			.param("order", order.id())
			.query(Integer.class)
			.single();
	}

	private int refunds(DeliveredOrders.Delivered order) {
		return this.jdbc.sql("SELECT count(*) FROM refund WHERE order_id = :order")
			.param("order", order.id())
			.query(Integer.class)
			.single();
	}

}
