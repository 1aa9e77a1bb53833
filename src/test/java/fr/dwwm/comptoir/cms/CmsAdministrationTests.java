package fr.dwwm.comptoir.cms;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
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
 * The content back-office used by an editor, through the real pages: a page is stored and
 * shown without the script it was given; every save adds a revision and a restore adds
 * another; a stale form is refused with what was typed kept; a draft is hidden from
 * visitors but previewed by staff; a taken or malformed address gets a French message;
 * menu links and blocks reach the storefront at once and leave it at once (caches
 * emptied); a customer is refused.
 *
 * <p>
 * The test database persists between runs: every page, link and block gets a unique title
 * or address.
 */
@IntegrationTest
class CmsAdministrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CmsBlocks blocks;

	private Account editorAccount;

	private Http editor;

	/** An editor logged in with their password and their authenticator code. */
	@BeforeEach
	void login() {
		StaffLogin staff = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		this.editorAccount = staff.account();
		this.editor = staff.http();
	}

	@Test
	void aScriptInAPageIsNeitherStoredNorShown() {
		String slug = unique("page-xss");
		long id = createPage("Page piégée " + slug, slug,
				"<h2>Bienvenue</h2><p>Texte sûr</p><script>alert('xss')</script><img src=x onerror=alert(1)>"
						+ "<a href=\"javascript:alert(1)\">piège</a>");
		String stored = pageColumn(id, "content_html");
		assertThat(stored).contains("<h2>Bienvenue</h2>", "<p>Texte sûr</p>")
			.doesNotContain("<script", "alert(", "onerror", "<img", "javascript:");
		publish(id, true);
		HttpResponse<String> page = new Http(this.port).get("/pages/" + slug);
		assertThat(page.statusCode()).isEqualTo(200);
		Document document = Jsoup.parse(page.body());
		assertThat(document.select(".cms-page__content h2").text()).isEqualTo("Bienvenue");
		assertThat(document.select(".cms-page__content script, .cms-page__content img")).isEmpty();
		assertThat(document.select(".cms-page__content a[href^=javascript]")).isEmpty();
	}

	@Test
	void everySaveAddsARevisionAndARestoreAddsAnother() {
		String slug = unique("historique");
		long id = createPage("Historique " + slug, slug, "<p>Premier texte</p>");
		HttpResponse<String> saved = savePage(id, "Historique " + slug, slug, "<p>Second texte</p>", version(id));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(revisions(id)).containsExactly("1:<p>Premier texte</p>", "2:<p>Second texte</p>");

		String path = "/admin/pages/" + id + "/revisions/1";
		HttpResponse<String> old = this.editor.get(path);
		assertThat(Jsoup.parse(old.body()).select("[data-revision-content]").text()).isEqualTo("Premier texte");
		HttpResponse<String> restored = this.editor.postForm(path, path + "/restore", Map.of());
		assertThat(restored.statusCode()).isEqualTo(302);

		assertThat(revisions(id)).containsExactly("1:<p>Premier texte</p>", "2:<p>Second texte</p>",
				"3:<p>Premier texte</p>");
		assertThat(pageColumn(id, "content_html")).isEqualTo("<p>Premier texte</p>");
		assertThat(this.jdbc.sql("SELECT DISTINCT created_by FROM cms_page_revision WHERE page_id = :id")
			.param("id", id)
			.query(Long.class)
			.list()).containsExactly(this.editorAccount.getId());
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log
				WHERE action = 'CMS_PAGE_RESTORE' AND target = :target AND actor_account_id = :actor""")
			.param("target", "cms_page:" + id)
			.param("actor", this.editorAccount.getId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.editor.get("/admin/pages/" + id + "/revisions").body()).contains("data-revision=\"3\"");
	}

	@Test
	void aSavedPageIsAuditedWithTheValuesThatChangedBeforeAndAfter() {
		String slug = unique("audit");
		long id = createPage("Avant " + slug, slug, "<p>Texte inchangé</p>");
		savePage(id, "Après " + slug, slug, "<p>Texte inchangé</p>", version(id));
		String details = this.jdbc.sql("""
				SELECT details::text FROM audit_log WHERE action = 'CMS_PAGE_SAVE' AND target = :target""")
			.param("target", "cms_page:" + id)
			.query(String.class)
			.single();
		assertThat(details)
			.contains("\"before\": {\"title\": \"Avant " + slug + "\"", "\"after\": {\"title\": \"Après " + slug + "\"",
					"\"revision\": 2")
			.as("unchanged values are left out")
			.doesNotContain("Texte inchangé");
	}

	@Test
	void aStaleFormIsRefusedWithWhatWasTypedKept() {
		String slug = unique("concurrence");
		long id = createPage("Concurrence " + slug, slug, "<p>Départ</p>");
		int opened = version(id);
		assertThat(savePage(id, "Concurrence " + slug, slug, "<p>Par une collègue</p>", opened).statusCode())
			.isEqualTo(302);

		HttpResponse<String> stale = savePage(id, "Mon titre tapé", slug, "<p>Mon texte tapé</p>", opened);
		assertThat(stale.statusCode()).isEqualTo(409);
		Document form = Jsoup.parse(stale.body());
		assertThat(form.select("[data-stale]").text()).contains("Quelqu'un a modifié cette page",
				"rien n'a été enregistré");
		assertThat(form.select("input#title").val()).isEqualTo("Mon titre tapé");
		assertThat(form.select("textarea#contentHtml").val()).isEqualTo("<p>Mon texte tapé</p>");
		assertThat(pageColumn(id, "title")).isEqualTo("Concurrence " + slug);
		assertThat(pageColumn(id, "content_html")).isEqualTo("<p>Par une collègue</p>");
	}

	@Test
	void aDraftIsHiddenFromVisitorsButPreviewedByStaff() {
		String slug = unique("brouillon");
		long id = createPage("Brouillon " + slug, slug, "<p>Pas encore prêt</p>");
		Http visitor = new Http(this.port);
		assertThat(visitor.get("/pages/" + slug).statusCode()).isEqualTo(404);

		HttpResponse<String> preview = this.editor.get("/admin/pages/" + id + "/preview");
		assertThat(preview.statusCode()).isEqualTo(200);
		Document document = Jsoup.parse(preview.body());
		assertThat(document.select("h1").text()).isEqualTo("Brouillon " + slug);
		assertThat(document.select(".cms-page__content").text()).isEqualTo("Pas encore prêt");
		assertThat(document.select("[data-preview]")).isNotEmpty();

		publish(id, true);
		assertThat(visitor.get("/pages/" + slug).statusCode()).isEqualTo(200);
		publish(id, false);
		assertThat(visitor.get("/pages/" + slug).statusCode()).isEqualTo(404);
	}

	@Test
	void aChangeToAPublishedPageWaitsAsADraftUntilItIsPublished() {
		String slug = unique("en-ligne");
		long id = createPage("En ligne " + slug, slug, "<p>Version en ligne</p>");
		publish(id, true);
		Http visitor = new Http(this.port);

		HttpResponse<String> saved = savePage(id, "Prochaine " + slug, slug, "<p>Version préparée</p>", version(id));
		assertThat(saved.statusCode()).isEqualTo(302);
		Document visitorPage = Jsoup.parse(visitor.get("/pages/" + slug).body());
		assertThat(visitorPage.select("h1").text()).as("visitors keep the published version")
			.isEqualTo("En ligne " + slug);
		assertThat(visitorPage.select(".cms-page__content").text()).isEqualTo("Version en ligne");
		Document form = Jsoup.parse(this.editor.get("/admin/pages/" + id).body());
		assertThat(form.select("input#title").val()).as("the editor goes on with the prepared version")
			.isEqualTo("Prochaine " + slug);
		assertThat(form.select("textarea#contentHtml").val()).isEqualTo("<p>Version préparée</p>");
		assertThat(form.select("[data-page-status]").text()).contains("les visiteurs ne les voient pas encore");
		assertThat(form.select("[data-publish]").text()).isEqualTo("Publier les modifications");
		assertThat(form.select("[data-unpublish]")).isNotEmpty();
		Document preview = Jsoup.parse(this.editor.get("/admin/pages/" + id + "/preview").body());
		assertThat(preview.select(".cms-page__content").text()).isEqualTo("Version préparée");
		assertThat(this.editor.get("/admin/pages/" + id + "/revisions").body())
			.contains("(modifications non publiées)");

		publish(id, true);
		visitorPage = Jsoup.parse(visitor.get("/pages/" + slug).body());
		assertThat(visitorPage.select("h1").text()).isEqualTo("Prochaine " + slug);
		assertThat(visitorPage.select(".cms-page__content").text()).isEqualTo("Version préparée");
		assertThat(Jsoup.parse(this.editor.get("/admin/pages/" + id).body()).select("[data-publish]"))
			.as("nothing left to publish")
			.isEmpty();
		assertThat(revisions(id)).containsExactly("1:<p>Version en ligne</p>", "2:<p>Version préparée</p>");
	}

	@Test
	void aWithdrawnPageKeepsItsUnpublishedChangesAsItsDraft() {
		String slug = unique("retiree");
		long id = createPage("Retirée " + slug, slug, "<p>Publiée</p>");
		publish(id, true);
		savePage(id, "Retirée " + slug, slug, "<p>Préparée</p>", version(id));
		publish(id, false);
		assertThat(new Http(this.port).get("/pages/" + slug).statusCode()).isEqualTo(404);
		assertThat(pageColumn(id, "content_html")).isEqualTo("<p>Préparée</p>");
		assertThat(this.jdbc.sql("SELECT pending_revision IS NULL FROM cms_page WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).as("nothing left waiting").isTrue();
	}

	@Test
	void aPageInstalledWithTheShopSaysSoInsteadOfAnUnknownAuthor() {
		Document list = Jsoup.parse(this.editor.get("/admin/pages").body());
		assertThat(list.select("tr[data-page=mentions-legales]").text()).contains("Contenu d'origine de la boutique")
			.doesNotContain("Non renseigné");
	}

	@Test
	void aTakenOrMalformedAddressGetsAFrenchMessage() {
		String slug = unique("adresse");
		createPage("Adresse " + slug, slug, "<p>Première</p>");

		HttpResponse<String> taken = this.editor.postForm("/admin/pages/new", "/admin/pages",
				pageFields("Autre " + slug, slug, "<p>Seconde</p>", null));
		assertThat(taken.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(taken.body()).select("#slug-error").text())
			.isEqualTo("Une autre page utilise déjà cette adresse : choisissez-en une autre.");

		HttpResponse<String> malformed = this.editor.postForm("/admin/pages/new", "/admin/pages",
				pageFields("Autre " + slug, "Mauvaise Adresse!", "<p>Seconde</p>", null));
		assertThat(malformed.statusCode()).isEqualTo(200);
		Document form = Jsoup.parse(malformed.body());
		assertThat(form.select("#slug-error").text())
			.startsWith("L'adresse ne peut contenir que des lettres minuscules");
		assertThat(form.select("input#slug").attr("aria-describedby")).contains("slug-error");
		assertThat(form.select("input#title").val()).isEqualTo("Autre " + slug);
		assertThat(this.jdbc.sql("SELECT count(*) FROM cms_page WHERE title = :title")
			.param("title", "Autre " + slug)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aFooterLinkAppearsOnTheHomePageUntilItIsDeleted() {
		String label = "Lien " + unique("pied");
		Http visitor = new Http(this.port);
		visitor.get("/"); // fills the menu cache: the addition must empty it
		HttpResponse<String> added = this.editor.postForm("/admin/menus/new", "/admin/menus",
				Map.of("menuCode", "FOOTER", "label", label, "target", "PATH", "path", "/products?q=miel"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(footerLinks(visitor)).contains(label + " -> /products?q=miel");

		long id = this.jdbc.sql("SELECT id FROM menu_item WHERE label = :label")
			.param("label", label)
			.query(Long.class)
			.single();
		String item = "/admin/menus/items/" + id;
		this.editor.postForm(item, item + "/delete", Map.of());
		assertThat(footerLinks(visitor)).as("kept without confirmation").contains(label + " -> /products?q=miel");
		HttpResponse<String> deleted = this.editor.postForm(item, item + "/delete", Map.of("confirm", "true"));
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(footerLinks(visitor)).noneMatch((link) -> link.startsWith(label));
	}

	@Test
	void aLinkToAPageFollowsItsPublicationAndItsAddress() {
		String slug = unique("menu-page");
		long pageId = createPage("Page de menu " + slug, slug, "<p>Contenu</p>");
		String label = "Vers " + slug;
		Http visitor = new Http(this.port);
		this.editor.postForm("/admin/menus/new", "/admin/menus",
				Map.of("menuCode", "FOOTER", "label", label, "target", "PAGE", "pageId", String.valueOf(pageId)));
		assertThat(footerLinks(visitor)).as("draft page").noneMatch((link) -> link.startsWith(label));

		publish(pageId, true);
		assertThat(footerLinks(visitor)).contains(label + " -> /pages/" + slug);

		String moved = slug + "-bis";
		savePage(pageId, "Page de menu " + slug, moved, "<p>Contenu</p>", version(pageId));
		assertThat(footerLinks(visitor)).contains(label + " -> /pages/" + moved);
	}

	@Test
	void aPublishedPageWhoseAddressChangesIsFoundAtItsFormerAddressUntilAnotherPageTakesIt() {
		String slug = unique("livraison");
		long pageId = createPage("Livraison " + slug, slug, "<p>Délais</p>");
		publish(pageId, true);
		String moved = slug + "-et-retours";
		savePage(pageId, "Livraison " + slug, moved, "<p>Délais</p>", version(pageId));
		Http visitor = new Http(this.port);

		HttpResponse<String> former = visitor.get("/pages/" + slug);
		assertThat(former.statusCode()).isEqualTo(301);
		assertThat(location(former)).endsWith("/pages/" + moved);
		assertThat(visitor.get("/pages/" + moved).statusCode()).isEqualTo(200);

		long other = createPage("Autre " + slug, slug, "<p>Une autre page</p>");
		publish(other, true);
		assertThat(Jsoup.parse(visitor.get("/pages/" + slug).body()).select("main").text())
			.as("the address taken by another page is that page's")
			.contains("Une autre page");
	}

	@Test
	void aMenuLinkCannotLeaveTheShop() {
		HttpResponse<String> refused = this.editor.postForm("/admin/menus/new", "/admin/menus",
				Map.of("menuCode", "HEADER", "label", "Ailleurs", "target", "PATH", "path", "//ailleurs.example"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).select("#path-error").text())
			.startsWith("L'adresse doit commencer par une seule barre oblique");
	}

	@Test
	void aBlockInTheHomeHookFollowsItsActivation() {
		String title = "Bloc " + unique("accueil");
		HttpResponse<String> created = this.editor.postForm("/admin/blocks/new", "/admin/blocks",
				Map.of("hook", "displayHome", "title", title, "contentHtml", "<p>Bonjour</p><script>alert(1)</script>",
						"active", "true"));
		assertThat(created.statusCode()).isEqualTo(302);
		long id = Long.parseLong(location(created).replaceFirst(".*/", ""));
		assertThat(this.blocks.active("displayHome")).filteredOn((block) -> block.title().equals(title))
			.singleElement()
			.satisfies((block) -> assertThat(block.html()).isEqualTo("<p>Bonjour</p>"));

		String path = "/admin/blocks";
		this.editor.postForm(path, path + "/" + id + "/active", Map.of("active", "false"));
		assertThat(this.blocks.active("displayHome")).noneMatch((block) -> block.title().equals(title));

		this.editor.postForm(path, path + "/" + id + "/active", Map.of("active", "true"));
		assertThat(this.blocks.active("displayHome")).anyMatch((block) -> block.title().equals(title));
	}

	@Test
	void aCustomerIsRefusedThePagesScreen() {
		Account customer = this.accounts.customer();
		Http http = new Http(this.port);
		http.login(customer.getEmail(), TestAccounts.PASSWORD);
		assertThat(http.get("/admin/pages").statusCode()).isEqualTo(403);
	}

	private long createPage(String title, String slug, String content) {
		HttpResponse<String> created = this.editor.postForm("/admin/pages/new", "/admin/pages",
				pageFields(title, slug, content, null));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		return Long.parseLong(location(created).replaceFirst(".*/", ""));
	}

	private HttpResponse<String> savePage(long id, String title, String slug, String content, int version) {
		String path = "/admin/pages/" + id;
		return this.editor.postForm(path, path, pageFields(title, slug, content, version));
	}

	private void publish(long id, boolean published) {
		String path = "/admin/pages/" + id;
		HttpResponse<String> response = this.editor.postForm(path, path + "/publish",
				Map.of("published", String.valueOf(published), "version", String.valueOf(version(id))));
		assertThat(response.statusCode()).isEqualTo(302);
	}

	private static Map<String, String> pageFields(String title, String slug, String content, Integer version) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", title);
		fields.put("slug", slug);
		fields.put("contentHtml", content);
		fields.put("metaDescription", "Description de " + title);
		if (version != null) {
			fields.put("version", String.valueOf(version));
		}
		return fields;
	}

	private int version(long id) {
		return this.jdbc.sql("SELECT version FROM cms_page WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private String pageColumn(long id, String column) {
		// The column name comes from this test only.
		return this.jdbc.sql("SELECT " + column + " FROM cms_page WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private List<String> revisions(long id) {
		return this.jdbc
			.sql("SELECT revision || ':' || content_html FROM cms_page_revision WHERE page_id = :id ORDER BY revision")
			.param("id", id)
			.query(String.class)
			.list();
	}

	/** The footer menu's links of the home page, as "label -> href". */
	private static List<String> footerLinks(Http visitor) {
		return Jsoup.parse(visitor.get("/").body())
			.select("#plan-du-site a")
			.stream()
			.map((link) -> link.text() + " -> " + link.attr("href"))
			.toList();
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
