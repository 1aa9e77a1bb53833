package fr.dwwm.comptoir.module;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules and hooks screens: an administrator disables, enables, sets up and (after
 * confirming) uninstalls a module; an editor reorders the modules of a hook and moves one
 * to another hook; every change shows on the next page and is in the audit log.
 */
@IntegrationTest
class AdminModuleTests {

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

	private StaffLogin admin;

	@BeforeEach
	void modulesEnabled() {
		for (String code : List.of("reassurance", "banner", "featured")) {
			ModuleFixtures.enabled(this.registry, this.lifecycle, code);
		}
		this.admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port);
	}

	@AfterEach
	void restore() {
		ModuleFixtures.enabled(this.registry, this.lifecycle, "reassurance");
		Map<String, String> defaults = new java.util.HashMap<>();
		this.registry.find("reassurance")
			.orElseThrow()
			.descriptor()
			.settings()
			.forEach((setting) -> defaults.put(setting.key(), setting.defaultValue()));
		assertThat(this.lifecycle.configure("reassurance", defaults, null)).isEmpty();
	}

	@Test
	void theModulesScreenListsEveryModuleFoundWithItsState() {
		Document page = Jsoup.parse(this.admin.http().get("/admin/modules").body());
		assertThat(page.select("[data-module]").eachAttr("data-module")).contains("reviews", "newsletter", "featured",
				"banner", "reassurance", "contact");
		assertThat(page.select("[data-module=reviews] .badge").text()).contains("Activé");
	}

	@Test
	void aDisabledModuleDisappearsFromThePagesAtOnceAndComesBackWhenEnabled() {
		assertThat(this.admin.http().get("/products").body()).contains("data-module=\"banner\"");
		this.admin.http().postFormAndFollow("/admin/modules", "/admin/modules/banner/disable", Map.of());
		assertThat(this.registry.find("banner").orElseThrow().enabled()).isFalse();
		assertThat(new fr.dwwm.comptoir.test.Http(this.port).get("/products").body())
			.doesNotContain("data-module=\"banner\"");
		this.admin.http().postFormAndFollow("/admin/modules", "/admin/modules/banner/enable", Map.of());
		assertThat(new fr.dwwm.comptoir.test.Http(this.port).get("/products").body())
			.contains("data-module=\"banner\"");
		assertThat(auditActions("banner")).contains("MODULE_DISABLE", "MODULE_ENABLE");
	}

	@Test
	void settingsAreCheckedBeforeBeingSavedAndAppliedOnTheNextPage() {
		String path = "/admin/modules/reassurance";
		Document form = Jsoup.parse(this.admin.http().get(path).body());
		assertThat(form.select("form[action$=/settings] input[name], form[action$=/settings] textarea[name]"))
			.as("a field generated for each declared setting")
			.isNotEmpty();
		Map<String, String> values = new java.util.HashMap<>();
		form.select("form[action$=/settings] input[name]:not([type=hidden])")
			.forEach((input) -> values.put(input.attr("name"), input.val()));
		form.select("form[action$=/settings] textarea[name]")
			.forEach((textarea) -> values.put(textarea.attr("name"), textarea.text()));
		String key = form.select("form[action$=/settings] input[name]:not([type=hidden])").first().attr("name");
		assertThat(values).as("today's values in the form").doesNotContainValue("");

		String before = values.get(key);
		values.put(key, "");
		Document refused = Jsoup.parse(this.admin.http().postFormAndFollow(path, path + "/settings", values).body());
		assertThat(refused.select("[role=alert]").text()).contains("n'ont pas été enregistrés");
		assertThat(refused.select("#setting-" + key + "-error").text()).isEqualTo("Ce champ est obligatoire.");

		values.put(key, "Emballage soigné, fait main");
		Document saved = Jsoup.parse(this.admin.http().postFormAndFollow(path, path + "/settings", values).body());
		assertThat(saved.select("[role=status]").text()).as(saved.select("main").text())
			.contains("Les réglages sont enregistrés");
		assertThat(this.registry.settings("reassurance").text(key)).isEqualTo("Emballage soigné, fait main");
		assertThat(new fr.dwwm.comptoir.test.Http(this.port).get("/products/confiture-de-figues").body())
			.contains("Emballage soigné, fait main");
		assertThat(this.jdbc.sql("""
				SELECT details -> 'before' ->> :key || ' -> ' || (details -> 'after' ->> :key) FROM audit_log
				WHERE action = 'MODULE_CONFIGURE' AND target = 'module:reassurance' AND actor_account_id = :actor
				ORDER BY id DESC LIMIT 1""")
			.param("key", key)
			.param("actor", this.admin.account().getId())
			.query(String.class)
			.single()).as("the setting's value before and after, in the audit log")
			.isEqualTo(before + " -> Emballage soigné, fait main");
	}

	@Test
	void uninstallingAsksForTheModulesCodeAndThenRemovesItsPlaces() {
		String path = "/admin/modules/reassurance";
		Document refused = Jsoup.parse(
				this.admin.http().postFormAndFollow(path, path + "/uninstall", Map.of("confirmation", "oui")).body());
		assertThat(refused.select("[role=alert]").text()).contains("ne correspond pas");
		assertThat(this.registry.find("reassurance").orElseThrow().installed()).isTrue();

		this.admin.http().postFormAndFollow(path, path + "/uninstall", Map.of("confirmation", "reassurance"));
		assertThat(this.registry.find("reassurance").orElseThrow().installed()).isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM module_hook WHERE module_code = 'reassurance'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(auditActions("reassurance")).contains("MODULE_UNINSTALL");
	}

	@Test
	void aHookNameSentWithALineBreakIsNeverWrittenIntoTheRedirect() {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		for (String action : List.of("/admin/hooks/move", "/admin/hooks/place", "/admin/hooks/remove")) {
			HttpResponse<String> response = editor.http()
				.submit("POST", action, Map.of("_csrf", editor.http().csrfToken("/admin/hooks"), "module", "banner",
						"hook", "\t\n\tSet-Cookie: x=1", "direction", "up"));
			assertThat(response.statusCode()).as(action).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(action)
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin/hooks"));
		}
	}

	@Test
	void anEditorReordersAndMovesModulesBetweenHooksButCannotOpenTheModulesScreen() {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		assertThat(editor.http().get("/admin/modules").statusCode()).isEqualTo(403);
		this.lifecycle.place("banner", DisplayHook.HOME, null);
		this.lifecycle.place("featured", DisplayHook.HOME, null);
		List<String> before = codesIn(DisplayHook.HOME);
		int banner = before.indexOf("banner");
		int featured = before.indexOf("featured");
		String mover = (banner < featured) ? "featured" : "banner";

		editor.http()
			.postFormAndFollow("/admin/hooks", "/admin/hooks/move",
					Map.of("module", mover, "hook", DisplayHook.HOME, "direction", "up"));
		List<String> after = codesIn(DisplayHook.HOME);
		assertThat(after.indexOf(mover)).isEqualTo(before.indexOf(mover) - 1);

		editor.http()
			.postFormAndFollow("/admin/hooks", "/admin/hooks/remove",
					Map.of("module", "banner", "hook", DisplayHook.HOME));
		assertThat(codesIn(DisplayHook.HOME)).doesNotContain("banner");
		Document hooks = Jsoup.parse(editor.http().get("/admin/hooks").body());
		assertThat(hooks.select("[data-hook=displayHome] select[name=module] option").eachAttr("value"))
			.as("offered again where it can render")
			.contains("banner");
	}

	@Test
	void aModuleCannotBePlacedInAHookItDoesNotRenderIn() {
		StaffLogin editor = StaffLogin.as(Role.EDITOR, this.accounts, this.port);
		Document page = Jsoup.parse(editor.http()
			.postFormAndFollow("/admin/hooks", "/admin/hooks/place",
					Map.of("module", "banner", "hook", DisplayHook.ACCOUNT_DASHBOARD))
			.body());
		assertThat(page.select("[role=alert]").text())
			.isEqualTo("Ce module ne peut pas s'afficher dans cet emplacement.");
		assertThat(codesIn(DisplayHook.ACCOUNT_DASHBOARD)).doesNotContain("banner");
	}

	private List<String> codesIn(String hook) {
		return this.jdbc.sql("SELECT module_code FROM module_hook WHERE hook = :hook ORDER BY position, module_code")
			.param("hook", hook)
			.query(String.class)
			.list();
	}

	private List<String> auditActions(String code) {
		return this.jdbc.sql("SELECT action FROM audit_log WHERE target = :target ORDER BY id")
			.param("target", "module:" + code)
			.query(String.class)
			.list();
	}

}
