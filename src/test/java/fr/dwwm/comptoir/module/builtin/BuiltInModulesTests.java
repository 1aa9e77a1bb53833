package fr.dwwm.comptoir.module.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.mail.DemoMailbox;
import fr.dwwm.comptoir.module.ModuleLifecycle;
import fr.dwwm.comptoir.module.ModuleRegistry;
import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.Setting;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in modules at work in the running shop, as visitors meet them over HTTP: the
 * newsletter's double opt-in, the contact form and its honeypot, the banner's dates.
 *
 * <p>
 * Each test installs and enables the modules it needs, as an administrator would, and
 * disables afterwards those it enabled, so that the other tests see the shop as they
 * expect it. Addresses are new for every run: the database outlives a test.
 */
@IntegrationTest
class BuiltInModulesTests {

	private static final String SHOP_ADDRESS = "contact@comptoir.test";

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final DateTimeFormatter SETTING_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	/** The modules of this class, whose texts are checked. */
	private static final List<String> CODES = List.of("newsletter", "featured", "banner", "reassurance", "contact");

	@LocalServerPort
	private int port;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ModuleLifecycle lifecycle;

	@Autowired
	private ModuleRegistry registry;

	@Autowired
	private TestAccounts accounts;

	private Http http;

	private long admin;

	/** The modules this test enabled, to disable once it is over. */
	private final List<String> enabledHere = new ArrayList<>();

	@BeforeEach
	void enableModules() {
		this.http = new Http(this.port);
		this.admin = this.jdbc.sql("SELECT id FROM account WHERE email = 'admin@comptoir.test'")
			.query(Long.class)
			.single();
		enable("newsletter", "contact", "banner");
	}

	@AfterEach
	void restoreModules() {
		Map<String, String> defaults = new LinkedHashMap<>();
		for (Setting setting : descriptor("banner").settings()) {
			defaults.put(setting.key(), setting.defaultValue());
		}
		assertThat(this.lifecycle.configure("banner", defaults, this.admin)).isEmpty();
		for (String code : this.enabledHere) {
			this.lifecycle.disable(code, this.admin);
		}
		this.enabledHere.clear();
	}

	@Test
	void aSignUpIsConfirmedByTheLinkMailedToTheAddressThenCanBeUndone() {
		String email = newAddress("lettre");
		HttpResponse<String> signUp = signUp(email.toUpperCase(java.util.Locale.ROOT), "/products");
		assertThat(signUp.statusCode()).isEqualTo(302);
		assertThat(signUp.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/products?newsletter=sent#newsletter-displayFooter"));
		assertThat(status(email)).as("stored in lower case, waiting").isEqualTo("PENDING");
		assertThat(Jsoup.parse(this.http.get("/products?newsletter=sent").body())
			.select("#newsletter-displayFooter [role=status]")
			.text()).startsWith("Merci ! Un e-mail de confirmation va vous être envoyé");

		List<DemoMailbox.ReceivedMail> mails = this.mailbox.to(email);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).subject()).isEqualTo("Confirmez votre inscription à la lettre d'information");
		String link = Mailbox.link(mails.get(0), "/modules/newsletter/confirm");
		String token = link.substring(link.indexOf("token=") + "token=".length());
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM module_newsletter.subscriber
				WHERE email = :email AND token_hash = sha256(convert_to(:token, 'UTF8'))""")
			.param("email", email)
			.param("token", token)
			.query(Integer.class)
			.single()).as("the token's SHA-256 is stored, not the token").isEqualTo(1);

		HttpResponse<String> confirmed = this.http.get(link);
		assertThat(confirmed.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(confirmed.body());
		assertThat(page.select("h1").text()).isEqualTo("Inscription confirmée");
		assertThat(status(email)).isEqualTo("CONFIRMED");
		assertThat(this.jdbc.sql("SELECT consent_text FROM module_newsletter.subscriber WHERE email = :email")
			.param("email", email)
			.query(String.class)
			.single()).as("the consent shown is kept").startsWith("J'accepte de recevoir la lettre d'information");

		String unsubscribe = page.select("a[href*='/modules/newsletter/unsubscribe']").attr("href");
		assertThat(this.http.get(unsubscribe).statusCode()).as("a link alone unsubscribes nobody").isEqualTo(200);
		assertThat(status(email)).isEqualTo("CONFIRMED");
		HttpResponse<String> done = this.http.postForm(unsubscribe, "/modules/newsletter/unsubscribe",
				Map.of("token", token));
		assertThat(done.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/modules/newsletter/unsubscribe?done"));
		assertThat(status(email)).as("the address is erased").isNull();
	}

	@Test
	void signingUpAgainLooksTheSameAndSendsNoSecondMailWithinTenMinutes() {
		String email = newAddress("deux-fois");
		String unknown = signUp(email, "/").headers().firstValue("Location").orElseThrow();
		String pending = signUp(" " + email + " ", "/").headers().firstValue("Location").orElseThrow();
		assertThat(pending).as("a known address gets the answer of an unknown one").isEqualTo(unknown);
		assertThat(this.mailbox.to(email)).as("no second mail within ten minutes").hasSize(1);

		this.http.get(Mailbox.link(this.mailbox.to(email).get(0), "/modules/newsletter/confirm"));
		assertThat(status(email)).isEqualTo("CONFIRMED");
		String confirmed = signUp(email, "/").headers().firstValue("Location").orElseThrow();
		assertThat(confirmed).as("nor does a confirmed one").isEqualTo(unknown);
		assertThat(this.mailbox.to(email)).hasSize(1);
		assertThat(status(email)).isEqualTo("CONFIRMED");
	}

	@Test
	void aWrongAddressIsRefusedAndShownAgain() {
		HttpResponse<String> refused = this.http.postForm("/", "/modules/newsletter/subscribe",
				Map.of("email", "pas-une-adresse", "from", "/", "hook", "displayFooter"));
		assertThat(refused.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("#newsletter-page-email").val()).isEqualTo("pas-une-adresse");
		assertThat(page.select("#newsletter-page-email").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#newsletter-page-email-error").text())
			.isEqualTo("Saisissez une adresse e-mail valide, par exemple camille@exemple.fr.");
	}

	@Test
	void anUnknownOrExpiredLinkGetsAClearPage() {
		HttpResponse<String> unknown = this.http.get("/modules/newsletter/confirm?token=" + "A".repeat(43));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(unknown.body()).select("h1").text()).isEqualTo("Lien invalide ou expiré");
		assertThat(this.http.get("/modules/newsletter/confirm?token=abc").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/modules/newsletter/confirm").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/modules/newsletter/unsubscribe?token=" + "B".repeat(43)).statusCode())
			.isEqualTo(404);

		String email = newAddress("expire");
		signUp(email, "/");
		this.jdbc
			.sql("UPDATE module_newsletter.subscriber SET created_at = now() - interval '8 days' WHERE email = :email")
			.param("email", email)
			.update();
		HttpResponse<String> expired = this.http
			.get(Mailbox.link(this.mailbox.to(email).get(0), "/modules/newsletter/confirm"));
		assertThat(expired.statusCode()).isEqualTo(404);
		assertThat(expired.body()).contains("valable 7 jours");
		assertThat(status(email)).isEqualTo("PENDING");
	}

	@Test
	void aRobotFillingTheHoneypotIsAnsweredAsAPersonButNothingIsKept() {
		String email = newAddress("robot");
		HttpResponse<String> sent = this.http.postForm("/contact", "/contact", Map.of("name", "Robot", "email", email,
				"subject", "autre", "message", "Achetez nos montres pas chères !", "website", "https://spam.example"));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/contact?sent"));
		assertThat(messagesFrom(email)).isZero();
		assertThat(this.mailbox.to(SHOP_ADDRESS)).noneMatch((mail) -> mail.text().contains(email));
	}

	@Test
	void aMessageWithAWrongAddressIsRefusedWithTheValuesKept() {
		String name = "Camille " + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> refused = this.http.postForm("/contact", "/contact", Map.of("name", name, "email",
				"camille.exemple.fr", "subject", "produit", "message", "Ce thé existe-t-il en vrac ?", "website", ""));
		assertThat(refused.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("#email-error").text())
			.isEqualTo("Saisissez une adresse e-mail valide, par exemple camille@exemple.fr.");
		assertThat(page.select("#email").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#name").val()).isEqualTo(name);
		assertThat(page.select("#email").val()).isEqualTo("camille.exemple.fr");
		assertThat(page.select("#subject option[selected]").val()).isEqualTo("produit");
		assertThat(page.select("#message").val()).isEqualTo("Ce thé existe-t-il en vrac ?");
		assertThat(this.jdbc.sql("SELECT count(*) FROM module_contact.message WHERE name = :name")
			.param("name", name)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aValidMessageIsKeptAndMailedToTheShop() {
		String email = newAddress("question");
		HttpResponse<String> sent = this.http.postForm("/contact", "/contact", Map.of("name", "Camille Durand", "email",
				email, "subject", "commande", "message", "Bonjour,\r\nma commande n'est pas arrivée.", "website", ""));
		assertThat(sent.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/contact?sent"));
		assertThat(this.jdbc.sql("""
				SELECT status || ' ' || subject || ' ' || body FROM module_contact.message WHERE email = :email""")
			.param("email", email)
			.query(String.class)
			.single()).isEqualTo("NEW commande Bonjour,\nma commande n'est pas arrivée.");
		assertThat(this.mailbox.to(SHOP_ADDRESS)).filteredOn((mail) -> mail.text().contains(email))
			.singleElement()
			.satisfies((mail) -> {
				assertThat(mail.subject()).isEqualTo("Nouveau message du formulaire de contact");
				assertThat(mail.text()).contains("Sujet : Une commande").contains("> ma commande n'est pas arrivée.");
			});
		assertThat(Jsoup.parse(this.http.get("/contact?sent").body()).select("main [role=status]").text())
			.startsWith("Merci, votre message est bien envoyé.");
	}

	@Test
	void aDisabledModulesPagesAreNotFound() {
		this.lifecycle.disable("contact", this.admin);
		try {
			assertThat(this.http.get("/contact").statusCode()).isEqualTo(404);
			assertThat(this.http.get("/").body()).doesNotContain("data-module=\"contact\"");
		}
		finally {
			this.lifecycle.enable("contact", this.admin);
		}
		assertThat(this.http.get("/contact").statusCode()).isEqualTo(200);
	}

	@Test
	void theBannerShowsOnlyBetweenItsDates() {
		String message = "Soldes de janvier " + UUID.randomUUID().toString().substring(0, 8);
		LocalDateTime now = LocalDateTime.now(PARIS);
		configureBanner(message, now.minusDays(1), now.plusDays(1));
		assertThat(banner().select("a[href='/products']").text()).isEqualTo(message);

		configureBanner(message, now.plusHours(1), null);
		assertThat(banner()).as("not yet").isEmpty();

		configureBanner(message, null, now.minusMinutes(1));
		assertThat(banner()).as("over").isEmpty();
	}

	@Test
	void theCarouselAndThePromisesShowWhereTheyArePlaced() {
		enable("featured", "reassurance");
		Document home = Jsoup.parse(this.http.get("/").body());
		assertThat(home.select("[data-module=featured] section[data-featured-carousel] h2").text())
			.isEqualTo("Nos coups de cœur");
		assertThat(home.select("[data-module=featured] .featured__item")).as("the demo's featured products")
			.isNotEmpty()
			.hasSizeLessThanOrEqualTo(8);
		assertThat(home.select("[data-module=featured] script[type=module]").attr("src"))
			.contains("/modules/featured/carousel");

		String slug = this.jdbc.sql("SELECT slug FROM product WHERE active ORDER BY id LIMIT 1")
			.query(String.class)
			.single();
		Document product = Jsoup.parse(this.http.get("/products/" + slug).body());
		assertThat(product.select("[data-module=reassurance] li").eachText()).containsExactly("Paiement sécurisé",
				"Livraison en 48 h", "Retours sous 14 jours");
		assertThat(product.select("[data-module=reassurance] svg[aria-hidden=true]")).hasSize(3);
	}

	@Test
	void theBlocksSharedByEveryVisitorAreTheSameOnEachPageWhileTheNewsletterFormStaysEachCustomersOwn() {
		enable("reassurance");
		Account camille = this.accounts.customer();
		Account dominique = this.accounts.customer();
		Http forCamille = new Http(this.port);
		forCamille.login(camille.getEmail(), TestAccounts.PASSWORD);
		Http forDominique = new Http(this.port);
		forDominique.login(dominique.getEmail(), TestAccounts.PASSWORD);
		String slug = this.jdbc.sql("SELECT slug FROM product WHERE active ORDER BY id LIMIT 1")
			.query(String.class)
			.single();

		Document first = Jsoup.parse(forCamille.get("/products/" + slug).body());
		Document second = Jsoup.parse(forDominique.get("/products/" + slug).body());

		for (String shared : List.of("reassurance", "contact")) {
			assertThat(second.select("[data-module=" + shared + "]").outerHtml()).as(shared)
				.isNotEmpty()
				.isEqualTo(first.select("[data-module=" + shared + "]").outerHtml());
		}
		assertThat(first.select("[data-module=newsletter] input[name=email]").attr("value"))
			.isEqualTo(camille.getEmail());
		assertThat(second.select("[data-module=newsletter] input[name=email]").attr("value"))
			.isEqualTo(dominique.getEmail());
		assertThat(second.select("[data-module=newsletter] input[name=_csrf]").attr("value")).isNotBlank()
			.isNotEqualTo(first.select("[data-module=newsletter] input[name=_csrf]").attr("value"));
	}

	@Test
	void everyModuleHasItsTextsInFrenchAndInEnglish() {
		for (String code : CODES) {
			Properties french = bundle("modules/" + code + "/messages.properties");
			Properties english = bundle("modules/" + code + "/messages_en.properties");
			assertThat(english.stringPropertyNames()).as(code + ": same keys in both languages")
				.isEqualTo(french.stringPropertyNames());
			List<String> required = new ArrayList<>(List.of("name", "description"));
			descriptor(code).settings().forEach((setting) -> required.add("setting." + setting.key()));
			for (String key : required) {
				assertThat(french).as(code).containsKey("module." + code + "." + key);
			}
			for (Properties language : List.of(french, english)) {
				for (String key : language.stringPropertyNames()) {
					assertThat(key).startsWith("module." + code + ".");
					// MessageFormat reads a single apostrophe as a quote in a message
					// with
					// arguments only.
					String text = language.getProperty(key);
					boolean withArguments = text.matches("(?s).*\\{\\d.*");
					assertThat(withArguments ? text.replace("''", "") : text).as(key + ": apostrophes")
						.doesNotContain(withArguments ? "'" : "''");
				}
			}
		}
	}

	private void enable(String... codes) {
		for (String code : codes) {
			ModuleRegistry.ModuleStatus status = this.registry.find(code).orElseThrow();
			if (!status.installed()) {
				this.lifecycle.install(code, this.admin);
			}
			if (!status.enabled()) {
				this.lifecycle.enable(code, this.admin);
				this.enabledHere.add(code);
			}
		}
	}

	/** The banner's block on the home page, if it shows. */
	private Elements banner() {
		return Jsoup.parse(this.http.get("/").body()).select("[data-module=banner]");
	}

	private ModuleDescriptor descriptor(String code) {
		return this.registry.find(code).orElseThrow().descriptor();
	}

	private HttpResponse<String> signUp(String email, String from) {
		return this.http.postForm("/", "/modules/newsletter/subscribe",
				Map.of("email", email, "from", from, "hook", "displayFooter"));
	}

	private String status(String email) {
		return this.jdbc.sql("SELECT status FROM module_newsletter.subscriber WHERE email = :email")
			.param("email", email)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private int messagesFrom(String email) {
		return this.jdbc.sql("SELECT count(*) FROM module_contact.message WHERE email = :email")
			.param("email", email)
			.query(Integer.class)
			.single();
	}

	private void configureBanner(String message, LocalDateTime startsAt, LocalDateTime endsAt) {
		Map<String, String> values = Map.of("message", message, "link", "/products", "starts-at",
				(startsAt != null) ? SETTING_DATE.format(startsAt) : "", "ends-at",
				(endsAt != null) ? SETTING_DATE.format(endsAt) : "");
		assertThat(this.lifecycle.configure("banner", values, this.admin)).isEmpty();
	}

	private static String newAddress(String prefix) {
		return prefix + "-" + UUID.randomUUID() + "@exemple.test";
	}

	private static Properties bundle(String path) {
		try (InputStream in = BuiltInModulesTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
