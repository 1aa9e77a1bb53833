package fr.dwwm.comptoir.security.attack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.convert.ConversionService;
import org.springframework.jdbc.core.simple.JdbcClient;

import static fr.dwwm.comptoir.security.attack.Attacker.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks by mass assignment: fields a form does not show (role, owner, e-mail, id,
 * verification date) added to the request in the hope that the binder sets them, and
 * request parameters that a converter would turn into a database row.
 */
@IntegrationTest
class MassAssignmentAttackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EntityManagerFactory entities;

	@Autowired
	@Qualifier("mvcConversionService")
	private ConversionService conversions;

	@Test
	void noRequestParameterCanBeConvertedIntoAnEntity() {
		for (EntityType<?> entity : this.entities.getMetamodel().getEntities()) {
			assertThat(this.conversions.canConvert(String.class, entity.getJavaType()))
				.as("a parameter turned into a " + entity.getName())
				.isFalse();
			assertThat(this.conversions.canConvert(Long.class, entity.getJavaType()))
				.as("an id turned into a " + entity.getName())
				.isFalse();
		}
	}

	@Test
	void aRegistrationCannotChooseItsRoleNorSkipTheConfirmationOfItsAddress() {
		String email = "mallory-" + UUID.randomUUID() + "@exemple.test";
		Map<String, String> form = new LinkedHashMap<>();
		form.put("email", email);
		form.put("firstName", "Mallory");
		form.put("lastName", "Attaquant");
		form.put("password", "Une-phrase-de-passe-bien-longue-2026");
		form.put("privacyAccepted", "true");
		form.put("role", "ADMIN");
		form.put("roleCode", "ADMIN");
		form.put("role_code", "ADMIN");
		form.put("enabled", "true");
		form.put("emailVerifiedAt", "2026-01-01T00:00:00Z");
		form.put("id", "1");
		new Http(this.port).postForm("/register", "/register", form);
		Map<String, Object> account = this.jdbc
			.sql("SELECT id, role_code, email_verified_at FROM account WHERE email = :email")
			.param("email", email)
			.query()
			.singleRow();
		assertThat(account).containsEntry("role_code", "CUSTOMER").containsEntry("email_verified_at", null);
		assertThat(((Number) account.get("id")).longValue()).isNotEqualTo(1L);
	}

	@Test
	void aProfileCannotChangeItsAddressItsRoleOrAnotherAccount() {
		Account victim = this.accounts.customer();
		Account attacker = this.accounts.customer();
		Http browser = new Http(this.port);
		signIn(browser, attacker.getEmail());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("firstName", "Mallory");
		form.put("lastName", "Attaquant");
		form.put("language", "fr");
		form.put("email", "mallory-" + UUID.randomUUID() + "@exemple.test");
		form.put("role", "ADMIN");
		form.put("id", String.valueOf(victim.getId()));
		form.put("accountId", String.valueOf(victim.getId()));
		form.put("passwordHash", "{noop}x");
		browser.postForm("/account/profile", "/account/profile", form);

		assertThat(row(attacker)).containsEntry("email", attacker.getEmail())
			.containsEntry("role_code", "CUSTOMER")
			.containsEntry("first_name", "Mallory");
		assertThat(row(victim)).containsEntry("email", victim.getEmail()).containsEntry("first_name", "Test");
	}

	@Test
	void anAddressCannotBeGivenToAnotherAccount() {
		Account victim = this.accounts.customer();
		Account attacker = this.accounts.customer();
		Http browser = new Http(this.port);
		signIn(browser, attacker.getEmail());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("label", "Piège");
		form.put("firstName", "Mallory");
		form.put("lastName", "Attaquant");
		form.put("line1", "1 place de l'Attaquant");
		form.put("postalCode", "75001");
		form.put("city", "Paris");
		form.put("country", "FR");
		form.put("accountId", String.valueOf(victim.getId()));
		form.put("account_id", String.valueOf(victim.getId()));
		form.put("id", "1");
		browser.postForm("/account/addresses/new", "/account/addresses", form);
		assertThat(this.jdbc.sql("SELECT count(*) FROM address WHERE account_id = :victim")
			.param("victim", victim.getId())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM address WHERE account_id = :attacker AND label = 'Piège'")
			.param("attacker", attacker.getId())
			.query(Integer.class)
			.single()).isOne();
	}

	private Map<String, Object> row(Account account) {
		return this.jdbc.sql("SELECT email, role_code, first_name FROM account WHERE id = :id")
			.param("id", account.getId())
			.query()
			.singleRow();
	}

}
