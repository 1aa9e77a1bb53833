package fr.dwwm.comptoir.security.attack;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

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
 * Attacks on the references to variants (« déclinaisons »): the id of another product's
 * variant in the back office's paths and form fields, in the {@code ?variant=} of a
 * product page and in a cart; fields the variant's row does not offer (its stock, its
 * product); a variant no longer sold. Each time the other product's variant must stay
 * exactly as it was, and the attacker must get nothing of it.
 */
@IntegrationTest
class VariantReferenceAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	private CatalogFixtures fixtures;

	private long edited;

	private long editedVariant;

	private long other;

	private long othersVariant;

	@BeforeEach
	void twoProductsEachWithItsVariants() {
		this.fixtures = new CatalogFixtures(this.jdbc);
		long category = this.fixtures.category("Déclinaisons attaquées", null);
		long[] sizes = this.fixtures.options("Taille", "Petit", "Grand");
		this.edited = this.fixtures.product(category, "Nappe ordinaire", 4900, 5, Map.of());
		this.editedVariant = this.fixtures.variantOf(this.edited);
		// Another shelf: the page of the first one does not list it among its related
		// products.
		this.other = this.fixtures.product(this.fixtures.category("Autre rayon", null), "Nappe précieuse", 19900, 2,
				Map.of());
		this.othersVariant = this.fixtures.variantOf(this.other);
		this.fixtures.withOptions(this.othersVariant, sizes[0]);
		this.fixtures.variant(this.other, 24900, 1, sizes[1]);
	}

	@Test
	void anotherProductsVariantInTheVariantRowsPathIsNotFoundAndStaysAsItWas() {
		Map<String, Object> before = variant(this.othersVariant);
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		String page = "/admin/products/" + this.edited;
		HttpResponse<String> response = editor.http()
			.postForm(page, page + "/variants/" + this.othersVariant, Map.of("sku", "VOLE-1", "price", "0,01", "active",
					"false", "version", String.valueOf(before.get("version"))));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(variant(this.othersVariant)).isEqualTo(before);
	}

	@Test
	void anotherProductsVariantInTheStockFormChangesNoStockAndWritesNoHistory() {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		String page = "/admin/products/" + this.edited;
		editor.http()
			.postForm(page, page + "/stock",
					Map.of("variant", String.valueOf(this.othersVariant), "delta", "+50", "reason", "ADJUSTMENT"));
		assertThat(Jsoup.parse(editor.http().get(page).body()).select("[data-admin-error]").text())
			.contains("Choisissez une déclinaison de ce produit");
		assertThat(variant(this.othersVariant)).containsEntry("stock", 2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM stock_movement WHERE variant_id = :variant")
			.param("variant", this.othersVariant)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anotherProductsVariantForAPictureStoresNoPicture() throws IOException {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		String page = "/admin/products/" + this.edited;
		HttpResponse<String> response = editor.http()
			.postMultipart(page, page + "/images",
					Map.of("altText", "Une nappe", "variant", String.valueOf(this.othersVariant)), "file", "nappe.png",
					"image/png", png());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT count(*) FROM product_image WHERE product_id IN (:edited, :other)")
			.param("edited", this.edited)
			.param("other", this.other)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theVariantsRowCannotSetItsStockNorMoveItToAnotherProduct() {
		Map<String, Object> before = variant(this.editedVariant);
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		String page = "/admin/products/" + this.edited;
		Map<String, String> form = new HashMap<>(Map.of("sku", String.valueOf(before.get("sku")), "price", "52,00",
				"active", "true", "version", String.valueOf(before.get("version"))));
		form.putAll(Map.of("stock", "999", "productId", String.valueOf(this.other), "product_id",
				String.valueOf(this.other), "combination", "1-2"));
		editor.http().postForm(page, page + "/variants/" + this.editedVariant, form);
		assertThat(variant(this.editedVariant)).as("only the price changed")
			.containsEntry("price_cents", 5200)
			.containsEntry("stock", 5)
			.containsEntry("product_id", this.edited)
			.containsEntry("combination", "");
	}

	@Test
	void optionValuesThatDoNotExistGenerateNoVariant() {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		String page = "/admin/products/" + this.edited;
		editor.http().postForm(page, page + "/variants", Map.of("value", "999999999"));
		editor.http().postForm(page, page + "/variants", Map.of("value", "1 OR 1=1"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM product_variant WHERE product_id = :product")
			.param("product", this.edited)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void anotherProductsVariantInAProductPagesAddressShowsNothingOfIt() {
		String slug = this.jdbc.sql("SELECT slug FROM product WHERE id = :id")
			.param("id", this.edited)
			.query(String.class)
			.single();
		Http visitor = new Http(this.port);
		for (String asked : new String[] { String.valueOf(this.othersVariant), "-1", "abc", "1e3",
				this.othersVariant + ";jsessionid=x" }) {
			HttpResponse<String> response = visitor.get("/products/" + slug + "?variant=" + Http.encode(asked));
			assertThat(response.statusCode()).as(asked).isEqualTo(200);
			Document page = Jsoup.parse(response.body());
			assertThat(page.select("[data-variant-price]").text()).as(asked).contains("49,00");
			assertThat(page.select("input[name=variantId]").attr("value")).as(asked)
				.isEqualTo(String.valueOf(this.editedVariant));
			assertThat(response.body()).as(asked).doesNotContain("199,00").doesNotContain("Nappe précieuse");
		}
	}

	@Test
	void aVariantNoLongerSoldOrOfAnUnpublishedProductCannotBeAddedToACart() {
		long withdrawn = this.fixtures.variant(this.other, 15900, 9, this.fixtures.options("Couleur", "Retirée")[0]);
		this.jdbc.sql("UPDATE product_variant SET active = false WHERE id = :id").param("id", withdrawn).update();
		this.jdbc.sql("UPDATE product SET active = false WHERE id = :id").param("id", this.edited).update();
		Http visitor = new Http(this.port);
		String token = visitor.csrfToken("/");
		for (long variant : new long[] { withdrawn, this.editedVariant }) {
			HttpResponse<String> response = visitor.sendJson("POST", "/api/v1/cart/lines",
					"{\"variantId\": " + variant + ", \"quantity\": 1}", token);
			assertThat(response.statusCode()).as("variant " + variant).isEqualTo(404);
		}
		assertThat(visitor.get("/cart").body()).doesNotContain("Nappe ordinaire").doesNotContain("Nappe précieuse");
	}

	private Map<String, Object> variant(long id) {
		return this.jdbc
			.sql("SELECT sku, product_id, price_cents, stock, active, combination, version FROM product_variant "
					+ "WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	private static byte[] png() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", bytes);
		return bytes.toByteArray();
	}

}
