package fr.dwwm.comptoir.e2e;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.dwwm.comptoir.account.FirstAdministrator;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff accounts in a real browser: the first administrator of a database without one,
 * from the command's link to the back office (password, then second factor); then an
 * administrator who invites an editor, who signs in the same way. The invitation page and
 * the staff screen are checked by axe and the Nu checker at 1280 and 375 px.
 */
class StaffBrowserTests extends BrowserTest {

	private static final String STAFF_PASSWORD = "Une phrase de passe du personnel 2026";

	@Autowired
	private FirstAdministrator firstAdministrator;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Mailbox mailbox;

	@Test
	void theFirstAdministratorFollowsTheCommandsLinkChoosesAPasswordAndEnrolsASecondFactor() {
		desktop();
		browser.manage().deleteAllCookies();
		String email = "premiere-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		String link = createdOnADatabaseWithoutAdministrator(email);
		assertThat(link).matches("https?://[^/]+/invitation\\?token=[A-Za-z0-9_-]{43}");

		open(link.replaceFirst("^https?://[^/]+", ""));
		assertPageQuality();
		mobile();
		assertPageQuality();
		assertNoControlIsCovered();
		desktop();
		choosePasswordAndEnrol(email);
		assertThat(browser.findElement(By.cssSelector(".admin-menu")).getText()).contains("Personnel");
	}

	@Test
	void anAdministratorInvitesAnEditorWhoSignsInWithTheirOwnPasswordAndSecondFactor() {
		logIn(Role.ADMIN);
		// A member whose name has no place to break, as a hostile form may leave one: it
		// must widen no page (an absolutely positioned label once escaped the table).
		this.jdbc.sql("""
				INSERT INTO account (email, password_hash, role_code, first_name, last_name)
				VALUES (:email, 'x', 'EDITOR', :name, 'Long')""")
			.param("email", "a".repeat(60) + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test")
			.param("name", "Ŵ".repeat(100))
			.update();
		open("/admin/staff");
		assertPageQuality();
		String email = "invite-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		type("email", email);
		type("firstName", "Élise");
		type("lastName", "Fontaine");
		click(By.cssSelector("[data-invite-submit]"));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.equals("Invitation envoyée."));
		assertThat(browser.findElement(By.cssSelector("[data-staff='" + email + "']")).getText()).contains("Éditeur",
				"Invitation envoyée, mot de passe pas encore choisi");
		assertPageQuality();
		mobile();
		assertPageQuality();
		assertThat(horizontalOverflow()).as("a name of 100 letters without a space widens no page")
			.isLessThanOrEqualTo(0);
		desktop();

		browser.manage().deleteAllCookies();
		open(Mailbox.link(this.mailbox.to(email).get(0), "/invitation"));
		choosePasswordAndEnrol(email);
		assertThat(browser.findElement(By.cssSelector(".admin-menu")).getText()).doesNotContain("Personnel");
		open("/admin/staff");
		assertThat(browser.findElement(By.cssSelector("main")).getText()).doesNotContain(email);
	}

	/**
	 * The command refuses a database that has an enabled administrator, as the test
	 * database has: they are set aside while it runs, as on a fresh production database.
	 */
	private String createdOnADatabaseWithoutAdministrator(String email) {
		List<Long> administrators = this.jdbc
			.sql("UPDATE account SET enabled = false WHERE role_code = 'ADMIN' AND enabled RETURNING id")
			.query(Long.class)
			.list();
		try {
			return this.firstAdministrator.create(email);
		}
		finally {
			this.jdbc.sql("UPDATE account SET enabled = true WHERE id IN (:ids)").param("ids", administrators).update();
		}
	}

	private void choosePasswordAndEnrol(String email) {
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		click(By.cssSelector("[data-invitation-submit]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/login?invited"));
		assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText())
			.startsWith("Votre mot de passe est choisi");
		type("email", email);
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD, Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/login/second-factor"));
		String secret = browser.findElement(By.cssSelector(".totp-secret")).getText().replace(" ", "");
		browser.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.stepAt(Instant.now()), 6), Keys.ENTER);
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("main a.btn-primary")).isEmpty()
				|| driver.getCurrentUrl().endsWith("/admin"));
		if (!browser.getCurrentUrl().endsWith("/admin")) {
			click(By.cssSelector("main a.btn-primary"));
		}
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/admin"));
	}

}
