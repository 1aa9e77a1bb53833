package fr.dwwm.comptoir.security.attack;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.CheckoutForm;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static fr.dwwm.comptoir.security.attack.Attacker.addressChangeLink;
import static fr.dwwm.comptoir.security.attack.Attacker.emailOf;
import static fr.dwwm.comptoir.security.attack.Attacker.location;
import static fr.dwwm.comptoir.security.attack.Attacker.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attacks on sessions: a session identifier known before the login (fixation), a session
 * that changes account in the middle of a purchase or after a staff member whose password
 * expired, a session identifier kept after the logout, a staff session stolen and kept
 * after its owner signs in again, a session ended on another instance. What a session
 * held before a login is never trusted after it, except the guest's cart.
 */
@IntegrationTest
class SessionAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Mailbox mailbox;

	private CatalogFixtures fixtures;

	private long category;

	@BeforeEach
	void aShelf() {
		this.fixtures = new CatalogFixtures(this.jdbc);
		this.category = this.fixtures.category("Sessions", null);
	}

	@Test
	void aSessionIdentifierKnownBeforeTheLoginIsWorthNothingAfterIt() {
		Http victim = new Http(this.port);
		long jam = this.fixtures.product(this.category, "Confiture fixée", 500, 10, Map.of());
		victim.postForm("/login", "/cart/lines", Map.of("variantId", String.valueOf(variantOf(jam)), "quantity", "1"));
		String before = victim.cookie("COMPTOIR_SESSION");
		assertThat(before).isNotNull();

		signIn(victim, this.accounts.customer().getEmail());
		assertThat(victim.cookie("COMPTOIR_SESSION")).isNotEqualTo(before);
		Http attacker = new Http(this.port);
		HttpResponse<String> account = attacker.get("/account", "Cookie", "COMPTOIR_SESSION=" + before);
		assertThat(account.statusCode()).as("the identifier the attacker planted").isEqualTo(302);
		assertThat(location(account)).endsWith("/login");
	}

	@Test
	void aLoginKeepsTheGuestsCartAndForgetsEverythingElseTheSessionHeld() {
		long soap = this.fixtures.product(this.category, "Savon de session", 400, 10, Map.of());
		long candle = this.fixtures.product(this.category, "Bougie de session", 900, 10, Map.of());
		Http browser = new Http(this.port);
		browser.postForm("/login", "/cart/lines",
				Map.of("variantId", String.valueOf(variantOf(soap)), "quantity", "1"));
		HttpResponse<String> placed = browser.submit("POST", "/checkout", CheckoutForm
			.filled(Jsoup.parse(browser.get("/checkout").body()), "invite-" + UUID.randomUUID() + "@exemple.test"));
		String guestOrder = location(placed).replaceFirst(".*/", "");
		assertThat(browser.get("/checkout/orders/" + guestOrder).statusCode()).as("the guest's own order")
			.isEqualTo(200);
		browser.postForm("/login", "/cart/lines",
				Map.of("variantId", String.valueOf(variantOf(candle)), "quantity", "1"));

		signIn(browser, this.accounts.customer().getEmail());
		assertThat(Jsoup.parse(browser.get("/cart").body()).select("main").text()).as("the guest's cart joined")
			.contains("Bougie de session");
		assertThat(browser.get("/checkout/orders/" + guestOrder).statusCode())
			.as("what the guest's session could see is not the signed-in account's")
			.isEqualTo(404);
	}

	@Test
	void switchingAccountInTheMiddleOfACheckoutNeverShowsOrUsesTheFirstAccountsAddress() {
		Account first = this.accounts.customer();
		long firstsAddress = this.jdbc.sql("""
				INSERT INTO address (account_id, label, first_name, last_name, line1, postal_code, city, is_default)
				VALUES (:account, 'Maison', 'Première', 'Personne', '1 rue du Premier', '69001', 'Lyon', true)
				RETURNING id""").param("account", first.getId()).query(Long.class).single();
		long tea = this.fixtures.product(this.category, "Thé de session", 700, 10, Map.of());
		Http browser = new Http(this.port);
		signIn(browser, first.getEmail());
		browser.postForm("/login", "/cart/lines", Map.of("variantId", String.valueOf(variantOf(tea)), "quantity", "1"));
		assertThat(browser.get("/checkout").body()).contains("1 rue du Premier");

		Account second = this.accounts.customer();
		signIn(browser, second.getEmail());
		browser.postForm("/login", "/cart/lines", Map.of("variantId", String.valueOf(variantOf(tea)), "quantity", "1"));
		String page = browser.get("/checkout").body();
		assertThat(page).doesNotContain("1 rue du Premier")
			.doesNotContain(first.getEmail())
			.contains(second.getEmail());

		Map<String, String> form = CheckoutForm.filled(Jsoup.parse(page), null);
		form.put("addressId", String.valueOf(firstsAddress));
		String reference = location(browser.submit("POST", "/checkout", form)).replaceFirst(".*/", "");
		assertThat(this.jdbc.sql("SELECT account_id || ' ' || ship_line1 FROM customer_order WHERE reference = :ref")
			.param("ref", reference)
			.query(String.class)
			.single()).isEqualTo(second.getId() + " 8 rue des Lilas");
	}

	@Test
	void aLinkToChangeOneAccountsAddressOpenedInAnotherAccountsSessionChangesNoAddressAndStaysForItsOwner() {
		Account asker = this.accounts.customer();
		String newEmail = "session-" + UUID.randomUUID() + "@exemple.test";
		Http browser = new Http(this.port);
		signIn(browser, asker.getEmail());
		String link = addressChangeLink(browser, this.mailbox, newEmail);
		Map<String, String> confirmation = Map.of("token", Mailbox.token(link));
		Http signedOut = new Http(this.port);
		assertThat(location(signedOut.get(link))).as("signed out: asked to sign in first").endsWith("/login");
		assertThat(location(signIn(signedOut, asker.getEmail()))).as("then brought back to the link").contains(link);
		assertThat(emailOf(this.jdbc, asker)).as("opening it changes nothing").isEqualTo(asker.getEmail());

		Account other = this.accounts.customer();
		signIn(browser, other.getEmail());
		assertThat(browser.get(link).body()).contains("data-invalid-link").doesNotContain(newEmail);
		HttpResponse<String> refused = browser.postForm(link, "/account/email/confirm", confirmation);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("data-invalid-link");
		assertThat(emailOf(this.jdbc, other)).isEqualTo(other.getEmail());
		assertThat(emailOf(this.jdbc, asker)).isEqualTo(asker.getEmail());
		assertThat(browser.get("/account").statusCode()).as("the other account's session goes on").isEqualTo(200);

		signIn(browser, asker.getEmail());
		assertThat(location(browser.postForm(link, "/account/email/confirm", confirmation)))
			.as("the link still works for the account that asked")
			.endsWith("/login?email-changed");
		assertThat(emailOf(this.jdbc, asker)).isEqualTo(newEmail);
	}

	@Test
	void aStaffMembersExpiredPasswordNeverFollowsTheSessionToTheNextAccountThatSignsIn() {
		StaffLogin expired = StaffLogin.as(Role.ADMIN, this.accounts, this.port,
				Instant.now().minus(Duration.ofDays(400)));
		Http browser = expired.http();
		assertThat(browser.get("/account/api-tokens").statusCode()).as("the staff member, sent to change it")
			.isEqualTo(302);

		signIn(browser, this.accounts.customer().getEmail());
		assertThat(browser.get("/account/api-tokens").statusCode()).as("the customer who signs in next").isEqualTo(200);
	}

	@Test
	void aStolenStaffSessionStopsOpeningTheBackOfficeWhenItsOwnerSignsInAgain() {
		String secret = Totp.newSecret();
		Account admin = this.accounts.create(Role.ADMIN, secret);
		long step = Totp.stepAt(Instant.now());
		Http office = signInWithCode(admin, secret, step);
		String stolen = office.cookie("COMPTOIR_SESSION");
		Http attacker = new Http(this.port);
		assertThat(attacker.get("/admin", "Cookie", "COMPTOIR_SESSION=" + stolen).statusCode())
			.as("the stolen session, while it is the only one")
			.isEqualTo(200);

		Http home = signInWithCode(admin, secret, step + 1);
		assertThat(home.get("/admin").statusCode()).as("the new sign-in").isEqualTo(200);
		HttpResponse<String> replayed = attacker.get("/admin", "Cookie", "COMPTOIR_SESSION=" + stolen);
		assertThat(replayed.statusCode()).as("the stolen session, after its owner signed in again").isEqualTo(302);
		assertThat(location(replayed)).endsWith("/login");
	}

	@Test
	void aCustomerWhoSignsInOnASecondDeviceKeepsTheFirstOne() {
		Account customer = this.accounts.customer();
		Http phone = new Http(this.port);
		signIn(phone, customer.getEmail());
		Http computer = new Http(this.port);
		signIn(computer, customer.getEmail());
		assertThat(computer.get("/account").statusCode()).isEqualTo(200);
		assertThat(phone.get("/account").statusCode()).as("one session per account is the staff's rule only")
			.isEqualTo(200);
	}

	/**
	 * Signs a staff member in with their password and the app's code of a given step (two
	 * sign-ins need two steps: a code works once).
	 */
	private Http signInWithCode(Account staff, String secret, long step) {
		Http http = new Http(this.port);
		http.login(staff.getEmail(), TestAccounts.PASSWORD);
		http.postForm("/login/second-factor", "/login/second-factor", Map.of("code", Totp.code(secret, step, 6)));
		return http;
	}

	@Test
	void aSessionIdentifierKeptAfterTheLogoutOpensNothing() {
		Http browser = new Http(this.port);
		signIn(browser, this.accounts.customer().getEmail());
		String session = browser.cookie("COMPTOIR_SESSION");
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		browser.postForm("/account", "/logout", Map.of());

		HttpResponse<String> replayed = new Http(this.port).get("/account", "Cookie", "COMPTOIR_SESSION=" + session);
		assertThat(replayed.statusCode()).isEqualTo(302);
		assertThat(location(replayed)).endsWith("/login");
	}

	@Test
	void aSessionEndedElsewhereIsNeverHandedBackByTheThreadThatSavedIt() throws Exception {
		// The repository hands the session a request has just saved back to Spring
		// Session's filter instead of reading it again. A request that creates a session
		// (no cookie yet) never asks for it again: what it saved must not outlive it, or
		// the next request on the same thread (MockMvc: this test's thread) would get the
		// session back after it ended.
		long jam = this.fixtures.product(this.category, "Confiture oubliée", 500, 10, Map.of());
		MockHttpServletResponse created = this.mvc
			.perform(post("/cart/lines").with(csrf())
				.param("variantId", String.valueOf(variantOf(jam)))
				.param("quantity", "2"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse();
		String session = created.getCookie("COMPTOIR_SESSION").getValue();
		String sessionId = new String(Base64.getDecoder().decode(session), StandardCharsets.US_ASCII);
		assertThat(this.jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(sessionId).update())
			.as("signed out or expired on another instance")
			.isEqualTo(1);

		String page = this.mvc.perform(get("/products").cookie(new Cookie("COMPTOIR_SESSION", session)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).select("[data-cart-count]").text()).as("no session, so no cart").isEqualTo("0");
	}

	@Test
	void whatARequestKeepsOfItsCustomerNeverReachesTheNextCustomersRequestOnTheSameThread() throws Exception {
		// A signed-in customer's open cart and name are read once per request and kept in
		// it (CurrentCart, HookRenderer). Two customers, one after the other on the same
		// thread (MockMvc: this test's thread, as a reused server thread would be): the
		// second gets their own cart, never what the first request kept.
		long tea = this.fixtures.product(this.category, "Thé du premier", 700, 10, Map.of());
		long honey = this.fixtures.product(this.category, "Miel du second", 900, 10, Map.of());
		Http first = new Http(this.port);
		signIn(first, this.accounts.customer().getEmail());
		first.postForm("/login", "/cart/lines", Map.of("variantId", String.valueOf(variantOf(tea)), "quantity", "2"));
		Http second = new Http(this.port);
		signIn(second, this.accounts.customer().getEmail());
		second.postForm("/login", "/cart/lines",
				Map.of("variantId", String.valueOf(variantOf(honey)), "quantity", "5"));

		String firstsPage = checkoutOf(first);
		String secondsPage = checkoutOf(second);

		assertThat(Jsoup.parse(firstsPage).select("[data-cart-count]").text()).isEqualTo("2");
		assertThat(firstsPage).contains("Thé du premier");
		assertThat(Jsoup.parse(secondsPage).select("[data-cart-count]").text()).isEqualTo("5");
		assertThat(secondsPage).contains("Miel du second").doesNotContain("Thé du premier");
	}

	private String checkoutOf(Http customer) throws Exception {
		return this.mvc
			.perform(get("/checkout").cookie(new Cookie("COMPTOIR_SESSION", customer.cookie("COMPTOIR_SESSION"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long variantOf(long product) {
		return fr.dwwm.comptoir.catalog.CatalogFixtures.firstVariant(this.jdbc, product);
	}

}
