package fr.dwwm.comptoir.catalog;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
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
 * The back-office's product screens through Tomcat, as an editor logged in with their
 * authenticator code: list, create, edit with optimistic locking, publication, stock
 * adjustments with their history, and picture uploads checked by their content.
 */
@IntegrationTest
class AdminProductTests {

	private static final String ALT = "Pot de miel sur une table en bois";

	private static final String STALE = "a été modifié par quelqu'un d'autre pendant que vous l'éditiez";

	private static final String NOT_AN_IMAGE = "n'est pas une image JPEG ou PNG";

	private static final String TOO_LARGE = "dépasse 5 Mo";

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestPictures pictures;

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	private StaffLogin editor;

	private CatalogFixtures fixtures;

	private long categoryId;

	@BeforeEach
	void setUp() {
		this.editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		this.fixtures = new CatalogFixtures(this.jdbc);
		this.categoryId = this.fixtures.category("Rayon du back-office", null);
	}

	@Test
	void anEditorCreatesAProductWhosePriceIsStoredInCentsAndWhoseSlugIsMadeFromItsName() {
		String sku = "ADM-" + this.unique.toUpperCase(Locale.ROOT);
		HttpResponse<String> created = this.editor.http()
			.postForm("/admin/products/new", "/admin/products",
					form("Crème de marrons " + this.unique, "", sku, "12,90", true, null));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		long id = idIn(created);
		Stored stored = stored(id);
		assertThat(stored.priceCents()).isEqualTo(1290);
		assertThat(stored.slug()).isEqualTo("creme-de-marrons-" + this.unique);
		assertThat(stored.sku()).isEqualTo(sku);
		assertThat(stored.active()).isTrue();
		assertThat(stored.stock()).isZero();
		assertThat(text(this.editor.http().get("/admin/products/" + id))).contains("Produit créé");
	}

	@Test
	void aProductWithTheSameNameGetsAnotherSlug() {
		String name = "Sablés bretons " + this.unique;
		long first = idIn(this.editor.http()
			.postForm("/admin/products/new", "/admin/products", form(name, "", sku("A"), "4.5", false, null)));
		long second = idIn(this.editor.http()
			.postForm("/admin/products/new", "/admin/products", form(name, "", sku("B"), "4.5", false, null)));
		assertThat(stored(first).slug()).isEqualTo("sables-bretons-" + this.unique);
		assertThat(stored(second).slug()).isEqualTo("sables-bretons-" + this.unique + "-2");
		assertThat(stored(first).priceCents()).isEqualTo(450);
	}

	@Test
	void anInvalidFormIsShownAgainWithFrenchMessagesNextToTheFields() {
		HttpResponse<String> refused = this.editor.http()
			.postForm("/admin/products/new", "/admin/products",
					form("", "Pas Un Slug !", "sku en minuscules ?", "12,999", true, null));
		assertThat(refused.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("#name-error").text()).contains("Ce champ est obligatoire");
		assertThat(page.select("#price-error").text()).contains("au plus deux chiffres après la virgule");
		assertThat(page.select("#sku-error").text()).contains("La référence ne peut contenir");
		assertThat(page.select("#slug-error").text()).contains("Le slug ne peut contenir");
		assertThat(page.select("#price").attr("aria-describedby")).contains("price-error");
		assertThat(page.select("[role=alert]").text()).contains("Le formulaire contient des erreurs");
		assertThat(this.jdbc.sql("SELECT count(*) FROM product WHERE sku = :sku")
			.param("sku", "SKU EN MINUSCULES ?")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSkuAlreadyUsedIsRefusedNextToItsField() {
		long existing = this.fixtures.product(this.categoryId, "Produit existant " + this.unique, 500, 1, Map.of());
		HttpResponse<String> refused = this.editor.http()
			.postForm("/admin/products/new", "/admin/products",
					form("Autre produit " + this.unique, "", stored(existing).sku(), "5", true, null));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).select("#sku-error").text()).contains("déjà celle d'un autre produit");
	}

	@Test
	void anEditorChangesAProductWithoutTouchingItsStock() {
		long id = this.fixtures.product(this.categoryId, "Huile d'olive " + this.unique, 1590, 7, Map.of());
		Stored before = stored(id);
		String path = "/admin/products/" + id;
		int version = version(this.editor.http(), path);
		assertThat(version).isEqualTo(before.version());
		HttpResponse<String> saved = this.editor.http()
			.postForm(path, path, form("Huile d'olive vierge extra " + this.unique, before.slug(), before.sku(),
					"16.50", true, version));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		Stored after = stored(id);
		assertThat(after.name()).isEqualTo("Huile d'olive vierge extra " + this.unique);
		assertThat(after.priceCents()).isEqualTo(1650);
		assertThat(after.version()).isEqualTo(before.version() + 1);
		assertThat(after.stock()).isEqualTo(7);
		assertThat(text(this.editor.http().get(path))).contains("Produit enregistré");
		String audited = this.jdbc.sql("""
				SELECT details::text FROM audit_log
				WHERE action = 'PRODUCT_UPDATE' AND target = :target AND actor_account_id = :editor""")
			.param("target", "product:" + id)
			.param("editor", this.editor.account().getId())
			.query(String.class)
			.single();
		assertThat(audited).as("the change is audited with what it was and what it became, nothing else")
			.contains("\"before\"", "Huile d'olive " + this.unique, "1590", "\"after\"",
					"Huile d'olive vierge extra " + this.unique, "1650")
			.doesNotContain("\"sku\"", "\"stock\"");
	}

	@Test
	void aSecondEditorSavingAStaleFormIsToldAndTheFirstEditorsChangeStays() {
		long id = this.fixtures.product(this.categoryId, "Thé vert " + this.unique, 890, 5, Map.of());
		Stored before = stored(id);
		String path = "/admin/products/" + id;
		StaffLogin other = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		int firstVersion = version(this.editor.http(), path);
		int otherVersion = version(other.http(), path);

		HttpResponse<String> first = this.editor.http()
			.postForm(path, path,
					form("Thé vert de Chine " + this.unique, before.slug(), before.sku(), "9,50", true, firstVersion));
		assertThat(first.statusCode()).isEqualTo(302);

		HttpResponse<String> stale = other.http()
			.postForm(path, path,
					form("Thé vert du Japon " + this.unique, before.slug(), before.sku(), "11", true, otherVersion));
		assertThat(stale.statusCode()).isEqualTo(409);
		Document page = Jsoup.parse(stale.body());
		assertThat(page.select("[data-stale]").text()).contains(STALE);
		assertThat(page.select("#name").val()).as("what the second editor typed is not lost")
			.isEqualTo("Thé vert du Japon " + this.unique);

		Stored after = stored(id);
		assertThat(after.name()).isEqualTo("Thé vert de Chine " + this.unique);
		assertThat(after.priceCents()).isEqualTo(950);
		assertThat(after.version()).isEqualTo(before.version() + 1);
	}

	@Test
	void aProductWhoseAddressChangesIsFoundAtEachFormerAddressByAPermanentRedirect() {
		long id = this.fixtures.product(this.categoryId, "Bol " + this.unique, 1200, 3, Map.of());
		String first = stored(id).slug();
		String second = "bol-bleu-" + this.unique;
		String third = "bol-vert-" + this.unique;
		saveSlug(id, second);
		assertThat(movedTo("/products/" + first)).isEqualTo("/products/" + second);
		assertThat(movedTo("/products/" + first + "?variant=7")).as("the query goes along")
			.isEqualTo("/products/" + second + "?variant=7");

		saveSlug(id, third);
		assertThat(movedTo("/products/" + first)).as("straight to the current address, never a chain")
			.isEqualTo("/products/" + third);
		assertThat(movedTo("/products/" + second)).isEqualTo("/products/" + third);

		saveSlug(id, first);
		Http visitor = new Http(this.port);
		assertThat(visitor.get("/products/" + first).statusCode()).as("an address taken back is live again")
			.isEqualTo(200);
		assertThat(movedTo("/products/" + third)).isEqualTo("/products/" + first);

		long other = this.fixtures.product(this.categoryId, "Assiette " + this.unique, 900, 3, Map.of());
		String path = "/admin/products/" + other;
		Stored taking = stored(other);
		this.editor.http()
			.postForm(path, path, form(taking.name(), second, taking.sku(), "9.00", true, taking.version()));
		assertThat(Jsoup.parse(visitor.get("/products/" + second).body()).select("h1").text())
			.as("a former address another product takes is that product's")
			.contains("Assiette " + this.unique);
		this.jdbc.sql("UPDATE product SET active = false WHERE id = :id").param("id", other).update();
		assertThat(visitor.get("/products/" + second).statusCode())
			.as("and stays so: hidden, it is not found, never sent back to the product that had it before")
			.isEqualTo(404);
		assertThat(visitor.get("/products/inconnu-" + this.unique).statusCode()).isEqualTo(404);
	}

	private void saveSlug(long id, String slug) {
		Stored before = stored(id);
		String path = "/admin/products/" + id;
		HttpResponse<String> saved = this.editor.http()
			.postForm(path, path, form(before.name(), slug, before.sku(), "12.00", true, before.version()));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(stored(id).slug()).isEqualTo(slug);
	}

	private String movedTo(String address) {
		HttpResponse<String> answer = new Http(this.port).get(address);
		assertThat(answer.statusCode()).as(address).isEqualTo(301);
		return answer.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + this.port, "");
	}

	@Test
	void anEditorUnpublishesAProductThenPublishesItAgain() {
		long id = this.fixtures.product(this.categoryId, "Bol en grès " + this.unique, 2400, 3, Map.of());
		Stored product = stored(id);
		String path = "/admin/products/" + id;
		Http visitor = new Http(this.port);
		assertThat(visitor.get("/products/" + product.slug()).statusCode()).isEqualTo(200);

		this.editor.http()
			.postForm(path, path, form(product.name(), product.slug(), product.sku(), "24", false,
					version(this.editor.http(), path)));
		assertThat(stored(id).active()).isFalse();
		assertThat(visitor.get("/products/" + product.slug()).statusCode()).isEqualTo(404);
		assertThat(text(this.editor.http().get("/admin/products?status=inactive&q=" + this.unique)))
			.contains(product.name());
		assertThat(text(this.editor.http().get("/admin/products?status=active&q=" + this.unique)))
			.doesNotContain(product.name());

		this.editor.http()
			.postForm(path, path,
					form(product.name(), product.slug(), product.sku(), "24", true, version(this.editor.http(), path)));
		assertThat(stored(id).active()).isTrue();
		assertThat(visitor.get("/products/" + product.slug()).statusCode()).isEqualTo(200);
	}

	@Test
	void theListSearchesByNameOrSkuAndShowsTwentyProductsPerPage() {
		for (int i = 0; i < 21; i++) {
			this.fixtures.product(this.categoryId, "Bougie parfumée " + this.unique + " " + i, 1500, i, Map.of());
		}
		Document first = Jsoup.parse(this.editor.http().get("/admin/products?q=" + this.unique).body());
		assertThat(first.select("#products tbody tr")).hasSize(20);
		assertThat(first.select("[role=status]").text()).contains("21 produits");
		assertThat(first.select(".pagination [aria-current=page]").text()).isEqualTo("1");
		Document second = Jsoup
			.parse(this.editor.http().get("/admin/products?q=" + this.unique + "&status=all&page=2").body());
		assertThat(second.select("#products tbody tr")).hasSize(1);
		assertThat(second.select(".pagination [aria-current=page]").text()).isEqualTo("2");

		String sku = this.jdbc.sql("SELECT sku FROM product WHERE name = :name")
			.param("name", "Bougie parfumée " + this.unique + " 7")
			.query(String.class)
			.single();
		Document bySku = Jsoup
			.parse(this.editor.http().get("/admin/products?q=" + sku.toLowerCase(Locale.ROOT)).body());
		assertThat(bySku.select("#products tbody tr th a").eachText())
			.containsExactly("Bougie parfumée " + this.unique + " 7");
		Document withoutAccent = Jsoup
			.parse(this.editor.http().get("/admin/products?q=bougie+parfumee+" + this.unique + "+12").body());
		assertThat(withoutAccent.select("#products tbody tr")).hasSize(1);
	}

	@Test
	void aStockAdjustmentIsRecordedWithItsReasonAndItsAuthorAndNeverGoesBelowZero() {
		long id = this.fixtures.product(this.categoryId, "Savon au lait d'ânesse " + this.unique, 650, 3, Map.of());
		String path = "/admin/products/" + id;
		HttpResponse<String> added = this.editor.http()
			.postForm(path, path + "/stock", Map.of("delta", "+5", "reason", "ADJUSTMENT", "note", "Livraison reçue"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(stored(id).stock()).isEqualTo(8);
		Map<String, Object> movement = this.jdbc.sql(
				"SELECT delta, stock_after, reason, note, account_id FROM stock_movement WHERE variant_id IN (SELECT id FROM product_variant WHERE product_id = :id)")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(movement).containsEntry("delta", 5)
			.containsEntry("stock_after", 8)
			.containsEntry("reason", "ADJUSTMENT")
			.containsEntry("note", "Livraison reçue")
			.containsEntry("account_id", this.editor.account().getId());

		HttpResponse<String> refused = this.editor.http()
			.postForm(path, path + "/stock", Map.of("delta", "-20", "reason", "INVENTORY", "note", ""));
		assertThat(refused.statusCode()).isEqualTo(302);
		Document page = Jsoup.parse(this.editor.http().get(path).body());
		assertThat(page.select("[data-admin-error]").text()).contains("sous zéro");
		assertThat(stored(id).stock()).isEqualTo(8);
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM stock_movement WHERE variant_id IN (SELECT id FROM product_variant WHERE product_id = :id)")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);

		this.editor.http().postForm(path, path + "/stock", Map.of("delta", "-8", "reason", "INVENTORY"));
		assertThat(stored(id).stock()).isZero();
		List<String> history = Jsoup.parse(this.editor.http().get(path).body())
			.select("#stock-history tbody tr")
			.eachText();
		assertThat(history).hasSize(2);
		assertThat(history.get(0)).contains("-8", "Inventaire");
		assertThat(history.get(1)).contains("+5", "Ajustement", "Livraison reçue", "Test Editor");
	}

	@Test
	void aZeroOrNonNumericStockChangeIsRefused() {
		long id = this.fixtures.product(this.categoryId, "Nappe en lin " + this.unique, 5900, 2, Map.of());
		String path = "/admin/products/" + id;
		for (String delta : List.of("0", "deux", "1.5", "")) {
			this.editor.http().postForm(path, path + "/stock", Map.of("delta", delta, "reason", "ADJUSTMENT"));
			assertThat(Jsoup.parse(this.editor.http().get(path).body()).select("[data-admin-error]").text()).as(delta)
				.contains("différente de zéro");
		}
		assertThat(stored(id).stock()).isEqualTo(2);
	}

	@Test
	void anHtmlPageIsRefusedAsAPicture() {
		assertRefused(upload("page.html", "text/html",
				"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)),
				NOT_AN_IMAGE);
	}

	@Test
	void anSvgIsRefusedAsAPicture() {
		assertRefused(upload("logo.svg", "image/svg+xml",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
					.getBytes(StandardCharsets.UTF_8)),
				NOT_AN_IMAGE);
	}

	@Test
	void aPolyglotNamedLikeAPngIsRefusedBecauseOfItsContent() {
		assertRefused(
				upload("photo.png", "image/png",
						"<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8)),
				NOT_AN_IMAGE);
		assertRefused(
				upload("photo.png", "image/png",
						"/* PNG */ fetch('/admin').then((r) => r.text())".getBytes(StandardCharsets.UTF_8)),
				NOT_AN_IMAGE);
	}

	@Test
	void aFileOverFiveMegabytesIsRefusedByTheCode() {
		byte[] large = Arrays.copyOf(png(40, 30), 5 * 1024 * 1024 + 1024);
		assertRefused(upload("grande.png", "image/png", large), TOO_LARGE);
	}

	@Test
	void aFileNameClimbingTheFoldersIsRefused() {
		assertRefused(upload("../../evil.png", "image/png", png(40, 30)), "renommez-le");
		assertRefused(upload("..\\..\\evil.png", "image/png", png(40, 30)), "renommez-le");
	}

	@Test
	void aPictureWithoutTextAlternativeIsRefused() {
		Upload target = newProduct();
		HttpResponse<String> response = this.editor.http()
			.postMultipart(target.path(), target.path() + "/images", Map.of("altText", "  "), "file", "photo.png",
					"image/png", png(40, 30));
		assertRefused(new Upload(target.productId(), target.path(), response), "texte alternatif");
	}

	@Test
	void aRealPngIsReEncodedWithoutItsMetadataStoredUnderARandomNameAndServedInSeveralSizes() throws IOException {
		byte[] withMetadata = withTextChunk(png(800, 600), "GPS", "48.8584 N 2.2945 E secret-position");
		Upload upload = upload("Photo de vacances.png", "image/png", withMetadata);
		assertThat(upload.response().statusCode()).isEqualTo(302);
		Document page = Jsoup.parse(this.editor.http().get(upload.path()).body());
		assertThat(page.select("[role=status]").text()).contains("Photo ajoutée");

		Map<String, Object> image = this.jdbc
			.sql("SELECT id, file_name, alt_text FROM product_image WHERE product_id = :id")
			.param("id", upload.productId())
			.query()
			.singleRow();
		String fileName = (String) image.get("file_name");
		assertThat(fileName).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.jpg");
		assertThat(image.get("alt_text")).isEqualTo(ALT);
		assertThat(page.select("img[src*=" + fileName + "]")).hasSize(1);

		HttpResponse<byte[]> small = this.editor.http().getBytes("/images/products/" + fileName + "?w=320");
		assertThat(small.statusCode()).isEqualTo(200);
		assertThat(small.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("image/"));
		BufferedImage served = ImageIO.read(new ByteArrayInputStream(small.body()));
		assertThat(served.getWidth()).isEqualTo(320);
		assertThat(new String(small.body(), StandardCharsets.ISO_8859_1)).doesNotContain("secret-position");
		HttpResponse<byte[]> large = this.editor.http().getBytes("/images/products/" + fileName + "?w=1200");
		assertThat(ImageIO.read(new ByteArrayInputStream(large.body())).getWidth()).isEqualTo(800);

		String path = upload.path() + "/images/" + image.get("id") + "/delete";
		assertThat(this.editor.http().postForm(upload.path(), path, Map.of()).statusCode()).isEqualTo(302);
		assertThat(images(upload.productId())).as("a deletion not confirmed deletes nothing").isEqualTo(1);
		assertThat(this.editor.http().get(upload.path()).body()).contains("Cochez la case de confirmation");
		assertThat(this.editor.http().postForm(upload.path(), path, Map.of("confirm", "true")).statusCode())
			.isEqualTo(302);
		assertThat(images(upload.productId())).isZero();
		assertThat(this.editor.http().getBytes("/images/products/" + fileName).statusCode()).isEqualTo(404);
	}

	private Upload newProduct() {
		long id = this.fixtures.product(this.categoryId, "Miel de lavande " + this.unique, 990, 4, Map.of());
		return new Upload(id, "/admin/products/" + id, null);
	}

	private Upload upload(String fileName, String contentType, byte[] bytes) {
		Upload target = newProduct();
		HttpResponse<String> response = this.editor.http()
			.postMultipart(target.path(), target.path() + "/images", Map.of("altText", ALT), "file", fileName,
					contentType, bytes);
		return new Upload(target.productId(), target.path(), response);
	}

	@Test
	void anEditorReordersAProductsPicturesAndRewritesATextAlternativeThatThePageThenShows() {
		long product = this.fixtures.product(this.categoryId, "Plat en trois photos " + this.unique, 3200, 5, Map.of());
		this.pictures.add(product, null, java.awt.Color.RED, "Le plat de face", 0);
		this.pictures.add(product, null, java.awt.Color.GREEN, "Le plat de côté", 1);
		this.pictures.add(product, null, java.awt.Color.BLUE, "Le plat vu de dessus", 1);
		List<Long> before = gallery(product);
		String page = "/admin/products/" + product;

		this.editor.http().postForm(page, page + "/images/" + before.get(2) + "/move", Map.of("direction", "up"));
		assertThat(gallery(product)).containsExactly(before.get(0), before.get(2), before.get(1));
		this.editor.http().postForm(page, page + "/images/" + before.get(0) + "/move", Map.of("direction", "up"));
		assertThat(gallery(product)).as("the first stays first")
			.containsExactly(before.get(0), before.get(2), before.get(1));
		this.editor.http()
			.postForm(page, page + "/images/" + before.get(1) + "/alt", Map.of("altText", "  Le plat, vu de profil  "));
		assertThat(this.jdbc.sql("""
				SELECT string_agg(action, ',' ORDER BY id) FROM audit_log
				WHERE target = :target AND action LIKE 'PICTURE%'""")
			.param("target", "product:" + product)
			.query(String.class)
			.single()).as("each change audited").isEqualTo("PICTURE_MOVE,PICTURE_MOVE,PICTURE_DESCRIBE");
		String slug = this.jdbc.sql("SELECT slug FROM product WHERE id = :id")
			.param("id", product)
			.query(String.class)
			.single();
		assertThat(new Http(this.port).get("/products/" + slug).body()).contains("alt=\"Le plat, vu de profil\"");

		HttpResponse<String> blank = this.editor.http()
			.postForm(page, page + "/images/" + before.get(1) + "/alt", Map.of("altText", "   "));
		assertThat(this.editor.http().get(page).body()).contains("alert-danger");
		assertThat(blank.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT alt_text FROM product_image WHERE id = :id")
			.param("id", before.get(1))
			.query(String.class)
			.single()).as("a refused text changes nothing").isEqualTo("Le plat, vu de profil");
	}

	@Test
	void anotherProductsPictureIsNeitherMovedNorRewrittenThroughThisProductsAddress() {
		long mine = this.fixtures.product(this.categoryId, "Mon plat " + this.unique, 3200, 5, Map.of());
		long theirs = this.fixtures.product(this.categoryId, "Leur plat " + this.unique, 3200, 5, Map.of());
		this.pictures.add(theirs, null, java.awt.Color.RED, "Leur photo", 0);
		this.pictures.add(theirs, null, java.awt.Color.BLUE, "Leur autre photo", 1);
		long theirPicture = gallery(theirs).get(1);
		String page = "/admin/products/" + mine;

		assertThat(this.editor.http()
			.postForm(page, page + "/images/" + theirPicture + "/move", Map.of("direction", "up"))
			.statusCode()).isEqualTo(404);
		assertThat(this.editor.http()
			.postForm(page, page + "/images/" + theirPicture + "/alt", Map.of("altText", "Volée"))
			.statusCode()).isEqualTo(404);
		assertThat(gallery(theirs).get(1)).isEqualTo(theirPicture);
		assertThat(this.jdbc.sql("SELECT alt_text FROM product_image WHERE id = :id")
			.param("id", theirPicture)
			.query(String.class)
			.single()).isEqualTo("Leur autre photo");
	}

	private List<Long> gallery(long product) {
		return this.jdbc.sql("SELECT id FROM product_image WHERE product_id = :id ORDER BY position, id")
			.param("id", product)
			.query(Long.class)
			.list();
	}

	private void assertRefused(Upload upload, String message) {
		assertThat(upload.response().statusCode()).as(upload.response().body()).isEqualTo(302);
		assertThat(upload.response().headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith(upload.path()));
		Document page = Jsoup.parse(this.editor.http().get(upload.path()).body());
		assertThat(page.select("[data-admin-error]").text()).contains(message);
		assertThat(images(upload.productId())).as("nothing stored").isZero();
	}

	private long images(long productId) {
		return this.jdbc.sql("SELECT count(*) FROM product_image WHERE product_id = :id")
			.param("id", productId)
			.query(Long.class)
			.single();
	}

	private Map<String, String> form(String name, String slug, String sku, String price, boolean active,
			Integer version) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("slug", slug);
		fields.put("sku", sku);
		fields.put("summary", "Un résumé de " + name);
		fields.put("description", "Une description de " + name + ".");
		fields.put("price", price);
		fields.put("vatRate", "5.50");
		fields.put("categoryId", String.valueOf(this.categoryId));
		// What a browser sends for a checkbox: its marker always, its value when ticked.
		fields.put("_active", "on");
		if (active) {
			fields.put("active", "true");
		}
		if (version != null) {
			fields.put("version", String.valueOf(version));
		}
		return fields;
	}

	private String sku(String suffix) {
		return ("ADM-" + this.unique + "-" + suffix).toUpperCase(Locale.ROOT);
	}

	private static int version(Http http, String path) {
		return Integer.parseInt(Jsoup.parse(http.get(path).body()).select("input[name=version]").val());
	}

	private static long idIn(HttpResponse<String> created) {
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static String text(HttpResponse<String> page) {
		return Jsoup.parse(page.body()).text();
	}

	private Stored stored(long id) {
		return this.jdbc.sql("""
				SELECT name, slug, sku, price_cents, stock, active, version FROM product WHERE id = :id""")
			.param("id", id)
			.query((row, number) -> new Stored(row.getString("name"), row.getString("slug"), row.getString("sku"),
					row.getInt("price_cents"), row.getInt("stock"), row.getBoolean("active"), row.getInt("version")))
			.single();
	}

	private static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0xD9A441));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(new Color(0x5B3A24));
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Adds a {@code tEXt} chunk (metadata, like a camera's GPS position) right after the
	 * PNG's header chunk.
	 */
	private static byte[] withTextChunk(byte[] png, String keyword, String text) {
		byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
		byte[] type = "tEXt".getBytes(StandardCharsets.ISO_8859_1);
		CRC32 crc = new CRC32();
		crc.update(type);
		crc.update(data);
		ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		chunk.putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
		// Signature (8 bytes), then IHDR: length, type, 13 bytes of data, CRC.
		int afterHeader = 8 + 4 + 4 + 13 + 4;
		ByteArrayOutputStream result = new ByteArrayOutputStream();
		result.write(png, 0, afterHeader);
		result.writeBytes(chunk.array());
		result.write(png, afterHeader, png.length - afterHeader);
		return result.toByteArray();
	}

	private record Stored(String name, String slug, String sku, int priceCents, int stock, boolean active,
			int version) {

	}

	private record Upload(long productId, String path, HttpResponse<String> response) {

	}

}
