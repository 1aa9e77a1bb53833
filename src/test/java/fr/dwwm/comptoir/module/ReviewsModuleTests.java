package fr.dwwm.comptoir.module;

import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviews module end to end on the real database: a customer writes a review, which
 * waits for moderation; an editor approves it; the product page then shows it with the
 * average rating. Bad input comes back with its message and the typed values.
 */
@IntegrationTest
class ReviewsModuleTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private ModuleRegistry registry;

	@Autowired
	private ModuleLifecycle lifecycle;

	@Autowired
	private JdbcClient jdbc;

	private long productId;

	private String productPath;

	@BeforeEach
	void aProductAndTheModuleEnabled() {
		ModuleFixtures.enabled(this.registry, this.lifecycle, "reviews");
		this.lifecycle.configure("reviews", Map.of("moderation", "true", "shown", "10"), null);
		CatalogFixtures catalog = new CatalogFixtures(this.jdbc);
		long category = catalog.category("Avis " + UUID.randomUUID().toString().substring(0, 8), null);
		this.productId = catalog.product(category, "Pot à avis " + UUID.randomUUID().toString().substring(0, 8), 1290,
				5, Map.of());
		this.productPath = "/products/" + this.jdbc.sql("SELECT slug FROM product WHERE id = :id")
			.param("id", this.productId)
			.query(String.class)
			.single();
	}

	@Test
	void aReviewWaitsForModerationThenShowsWithTheAverageRating() {
		Http customer = signedInCustomer();
		Document before = Jsoup.parse(customer.get(this.productPath).body());
		assertThat(before.select("#reviews").text()).contains("Aucun avis pour l'instant.");

		Document sent = Jsoup.parse(customer
			.postFormAndFollow(this.productPath, "/modules/reviews/products/" + this.productId, Map.of("rating", "4",
					"title", "Très bon", "body", "Un goût de figue très juste, <b>pas trop sucré</b>."))
			.body());
		assertThat(sent.select("#reviews [role=status]").text()).contains("publié après relecture");
		assertThat(sent.select("#reviews .reviews__item")).as("not shown before moderation").isEmpty();
		assertThat(sent.select("#reviews form")).as("one review per customer and product").isEmpty();

		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		long reviewId = this.jdbc.sql("SELECT id FROM module_reviews.review WHERE product_id = :product")
			.param("product", this.productId)
			.query(Long.class)
			.single();
		assertThat(editor.http().get("/admin/reviews").body()).contains("Très bon");
		editor.http().postFormAndFollow("/admin/reviews", "/admin/reviews/" + reviewId + "/approve", Map.of());

		Document after = Jsoup.parse(new Http(this.port).get(this.productPath).body());
		assertThat(after.select("#reviews .reviews__average").text()).contains("4,0 sur 5 (1 avis)");
		assertThat(after.select("#reviews .reviews__item").text()).contains("Très bon", "Test C.");
		assertThat(after.select("#reviews .reviews__body").html()).as("stored and shown as text")
			.contains("&lt;b&gt;pas trop sucré&lt;/b&gt;");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'REVIEW_APPROVE' AND target = :target")
			.param("target", "review:" + reviewId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anIncompleteReviewComesBackWithItsMessagesAndTheTypedValues() {
		Http customer = signedInCustomer();
		Document page = Jsoup.parse(
				customer
					.postFormAndFollow(this.productPath, "/modules/reviews/products/" + this.productId,
							Map.of("title", "Bof", "body", "Court"))
					.body());
		assertThat(page.select("#review-rating-error").text()).isEqualTo("Choisissez une note de 1 à 5 étoiles.");
		assertThat(page.select("#review-body-error").text()).isEqualTo("Écrivez entre 10 et 2 000 caractères.");
		assertThat(page.select("#review-title").val()).isEqualTo("Bof");
		assertThat(page.select("#review-body").text()).isEqualTo("Court");
		assertThat(this.jdbc.sql("SELECT count(*) FROM module_reviews.review WHERE product_id = :product")
			.param("product", this.productId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aVisitorIsAskedToSignInAndADisabledModuleRefusesReviews() {
		Document page = Jsoup.parse(new Http(this.port).get(this.productPath).body());
		assertThat(page.select("#reviews a[href=/login]").text()).isEqualTo("Connectez-vous pour donner votre avis");
		assertThat(page.select("#reviews form")).isEmpty();

		Http customer = signedInCustomer();
		this.lifecycle.disable("reviews", null);
		try {
			assertThat(customer.get(this.productPath).body()).doesNotContain("id=\"reviews\"");
			assertThat(customer.submit("POST", "/modules/reviews/products/" + this.productId, Map.of("_csrf",
					customer.csrfToken(this.productPath), "rating", "5", "title", "Top", "body", "Vraiment très bien."))
				.statusCode()).isEqualTo(404);
		}
		finally {
			this.lifecycle.enable("reviews", null);
		}
	}

	private Http signedInCustomer() {
		Http http = new Http(this.port);
		http.login(this.accounts.customer().getEmail(), TestAccounts.PASSWORD);
		return http;
	}

}
