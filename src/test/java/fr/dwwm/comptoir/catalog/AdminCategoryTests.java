package fr.dwwm.comptoir.catalog;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The category tree edited by an editor: created hidden, renamed, published, reordered,
 * and never moved under its own descendant.
 */
@IntegrationTest
class AdminCategoryTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	private StaffLogin editor;

	@BeforeEach
	void login() {
		this.editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
	}

	@Test
	void aCategoryIsCreatedHiddenThenRenamedAndPublished() {
		String name = "Rayon " + UUID.randomUUID().toString().substring(0, 6);
		long id = create(name, null);
		assertThat(active(id)).isFalse();
		String path = "/admin/categories/" + id;
		this.editor.http().postForm(path, path, Map.of("name", name + " bis", "active", "true"));
		assertThat(
				this.jdbc.sql("SELECT name FROM category WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo(name + " bis");
		assertThat(active(id)).isTrue();
		assertThat(this.editor.http().get(path).body()).contains("Rayon enregistré.");
	}

	@Test
	void aCategoryCannotBeMovedUnderItsOwnChild() {
		long parent = create("Parent " + UUID.randomUUID().toString().substring(0, 6), null);
		long child = create("Enfant " + UUID.randomUUID().toString().substring(0, 6), parent);
		String path = "/admin/categories/" + parent;
		this.editor.http().postForm(path, path, Map.of("name", "Parent déplacé", "parentId", String.valueOf(child)));
		HttpResponse<String> page = this.editor.http().get(path);
		assertThat(Jsoup.parse(page.body()).select("[role=alert]").text())
			.isEqualTo("Un rayon ne peut pas être placé sous l'un de ses propres sous-rayons.");
		assertThat(this.jdbc.sql("SELECT parent_id FROM category WHERE id = :id")
			.param("id", parent)
			.query(Long.class)
			.optional()).as("unchanged").isEmpty();
	}

	@Test
	void aParentThatDoesNotExistIsRefusedWithAMessageAndNothingIsSaved() {
		long missing = this.jdbc.sql("SELECT coalesce(max(id), 0) + 1000 FROM category").query(Long.class).single();
		int before = this.jdbc.sql("SELECT count(*) FROM category").query(Integer.class).single();
		HttpResponse<String> created = this.editor.http()
			.submit("POST", "/admin/categories", Map.of("_csrf", this.editor.http().csrfToken("/admin/categories"),
					"name", "Orphelin", "parentId", "0x" + Long.toHexString(missing)));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(this.editor.http().get("/admin/categories").body()).select("[role=alert]").text())
			.isEqualTo("Ce rayon parent n'existe pas ou plus : choisissez-en un dans la liste.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM category").query(Integer.class).single()).isEqualTo(before);

		long existing = create("Rayon " + UUID.randomUUID().toString().substring(0, 6), null);
		String path = "/admin/categories/" + existing;
		this.editor.http().postForm(path, path, Map.of("name", "Déplacé", "parentId", String.valueOf(missing)));
		assertThat(Jsoup.parse(this.editor.http().get(path).body()).select("[role=alert]").text())
			.isEqualTo("Ce rayon parent n'existe pas ou plus : choisissez-en un dans la liste.");
	}

	@Test
	void siblingsAreReorderedOnePlaceAtATime() {
		long parent = create("Ordre " + UUID.randomUUID().toString().substring(0, 6), null);
		long first = create("Premier", parent);
		long second = create("Second", parent);
		this.editor.http()
			.postForm("/admin/categories", "/admin/categories/" + second + "/move", Map.of("direction", "up"));
		assertThat(this.jdbc.sql("SELECT id FROM category WHERE parent_id = :parent ORDER BY position, id")
			.param("parent", parent)
			.query(Long.class)
			.list()).containsExactly(second, first);
	}

	@Test
	void theNavigationCachedForEveryPageFollowsPublicationAndRenamingAtOnce() {
		String name = "Rayon du menu " + UUID.randomUUID().toString().substring(0, 6);
		fr.dwwm.comptoir.test.Http visitor = new fr.dwwm.comptoir.test.Http(this.port);
		visitor.get("/");
		long id = create(name, null);
		assertThat(navigation(visitor)).as("hidden").doesNotContain(name);
		String path = "/admin/categories/" + id;
		this.editor.http().postForm(path, path, Map.of("name", name, "active", "true"));
		assertThat(navigation(visitor)).as("published: the cache was emptied").contains(name);
		this.editor.http().postForm(path, path, Map.of("name", name + " bis", "active", "true"));
		assertThat(navigation(visitor)).as("renamed: the cache was emptied again").contains(name + " bis");
		this.editor.http().postForm(path, path, Map.of("name", name));
		assertThat(navigation(visitor)).as("hidden again").doesNotContain(name);
	}

	private static String navigation(fr.dwwm.comptoir.test.Http visitor) {
		return Jsoup.parse(visitor.get("/").body()).select("nav.site-nav").text();
	}

	private long create(String name, Long parentId) {
		Map<String, String> fields = (parentId != null) ? Map.of("name", name, "parentId", String.valueOf(parentId))
				: Map.of("name", name);
		HttpResponse<String> created = this.editor.http().postForm("/admin/categories", "/admin/categories", fields);
		String location = created.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.replaceFirst(".*/", ""));
	}

	private boolean active(long id) {
		return this.jdbc.sql("SELECT active FROM category WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

}
