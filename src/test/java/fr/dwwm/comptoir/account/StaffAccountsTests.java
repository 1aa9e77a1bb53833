package fr.dwwm.comptoir.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.security.UserSessions;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Staff accounts without SQL: the first administrator's command refuses a database that
 * already has one; an invitation link sets a password once and proves the address; an
 * administrator invites, changes roles, disables and enables, never on their own account,
 * and two administrators removing each other at the same instant leave one.
 */
@IntegrationTest
class StaffAccountsTests {

	private static final String STAFF_PASSWORD = "Une phrase de passe du personnel 2026";

	@LocalServerPort
	private int port;

	@Autowired
	private FirstAdministrator firstAdministrator;

	@Autowired
	private StaffAdministration staff;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private UserSessions sessions;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theFirstAdministratorsCommandRefusesADatabaseThatAlreadyHasOneAndCreatesNothing() {
		String email = unique("premier");
		assertThatIllegalStateException().isThrownBy(() -> this.firstAdministrator.create(email))
			.withMessageContaining("already has an administrator");
		assertThat(accountsWith(email)).isZero();
	}

	@Test
	void anInvitedEditorChoosesTheirPasswordOnceAndTheLinkProvesTheirAddress() {
		Account admin = this.accounts.create(Role.ADMIN, Totp.newSecret());
		String email = unique("editeur");
		assertThat(this.staff.invite(email, "Élise", "Fontaine", Role.EDITOR, admin.getId(), Locale.FRANCE)).isEmpty();
		String link = Mailbox.link(this.mailbox.to(email).get(0), "/invitation");
		assertThat(this.mailbox.to(email).get(0).subject()).isEqualTo("Votre invitation au back-office de Comptoir");
		Http person = new Http(this.port);
		assertThat(person.get(link).body()).contains("Choisir mon mot de passe");
		assertThat(person.login(email, STAFF_PASSWORD).headers().firstValue("Location"))
			.as("no password works before the invitation is followed")
			.hasValueSatisfying((location) -> assertThat(location).contains("error"));

		String token = link.replaceFirst(".*token=", "");
		HttpResponse<String> tooShort = person.postForm(link, "/invitation",
				Map.of("token", token, "password", "pas assez long"));
		assertThat(tooShort.body())
			.as("a staff password has 16 characters at least (" + tooShort.statusCode() + " "
					+ tooShort.headers().firstValue("Location").orElse("") + ")")
			.contains("alert-danger");
		HttpResponse<String> accepted = person.postForm(link, "/invitation",
				Map.of("token", token, "password", STAFF_PASSWORD));
		assertThat(accepted.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?invited"));
		assertThat(person.get(link).body()).as("the link works once").contains("alert-warning");

		Map<String, Object> row = this.jdbc
			.sql("SELECT role_code, email_verified_at IS NOT NULL AS verified FROM account WHERE email = :email")
			.param("email", email)
			.query()
			.singleRow();
		assertThat(row).containsEntry("role_code", "EDITOR").containsEntry("verified", true);
		assertThat(person.login(email, STAFF_PASSWORD).headers().firstValue("Location"))
			.as("signed in, the second factor is set up next")
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login/second-factor"));
	}

	@Test
	void aPasswordResetLinkDoesNotOpenAnInvitationNorTheOtherWayRound() {
		Account admin = this.accounts.create(Role.ADMIN, Totp.newSecret());
		String email = unique("croise");
		this.staff.invite(email, "Paul", "Chevalier", Role.EDITOR, admin.getId(), Locale.FRANCE);
		String token = Mailbox.link(this.mailbox.to(email).get(0), "/invitation").replaceFirst(".*token=", "");
		Http person = new Http(this.port);
		assertThat(person.get("/password/reset?token=" + token).body()).contains("alert-warning");
		Account customer = this.accounts.customer();
		person.postForm("/password/forgot", "/password/forgot", Map.of("email", customer.getEmail()));
		String reset = Mailbox.link(this.mailbox.to(customer.getEmail()).get(0), "/password/reset")
			.replaceFirst(".*token=", "");
		assertThat(person.get("/invitation?token=" + reset).body()).contains("alert-warning");
		assertThat(
				person.postForm("/password/forgot", "/invitation", Map.of("token", reset, "password", STAFF_PASSWORD))
					.body())
			.contains("alert-warning");
	}

	@Test
	void anAdministratorNeverChangesTheirOwnAccountNorACustomersFromTheStaffScreen() {
		Account admin = this.accounts.create(Role.ADMIN, Totp.newSecret());
		Account customer = this.accounts.customer();
		assertThat(this.staff.disable(admin.getId(), admin.getId())).contains(StaffAdministration.Refusal.OWN_ACCOUNT);
		assertThat(this.staff.changeRole(admin.getId(), Role.EDITOR, admin.getId(), null))
			.contains(StaffAdministration.Refusal.OWN_ACCOUNT);
		assertThat(this.staff.changeRole(customer.getId(), Role.ADMIN, admin.getId(), null))
			.contains(StaffAdministration.Refusal.NOT_STAFF);
		assertThat(this.staff.disable(customer.getId(), admin.getId())).contains(StaffAdministration.Refusal.NOT_STAFF);
		assertThat(role(customer.getId())).isEqualTo("CUSTOMER");
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM audit_log
					WHERE actor_account_id = :admin AND outcome = 'DENIED' AND action IN ('STAFF_DISABLE', 'ROLE_CHANGE')""")
			.param("admin", admin.getId())
			.query(Integer.class)
			.single()).as("each refusal audited").isEqualTo(4);
	}

	@Test
	void aRoleChangeAndADisablingEndTheMembersSessionsAndAreAudited() {
		Account admin = this.accounts.create(Role.ADMIN, Totp.newSecret());
		Account editor = this.accounts.create(Role.EDITOR, null);
		Http editorsBrowser = new Http(this.port);
		editorsBrowser.login(editor.getEmail(), TestAccounts.PASSWORD);
		assertThat(this.sessions.of(editor.getEmail(), null)).hasSize(1);

		assertThat(this.staff.changeRole(editor.getId(), Role.ADMIN, admin.getId(), "192.0.2.10")).isEmpty();
		assertThat(role(editor.getId())).isEqualTo("ADMIN");
		assertThat(this.sessions.of(editor.getEmail(), null)).as("signed out to take the new rights").isEmpty();
		editorsBrowser.login(editor.getEmail(), TestAccounts.PASSWORD);
		assertThat(this.staff.disable(editor.getId(), admin.getId())).isEmpty();
		assertThat(this.sessions.of(editor.getEmail(), null)).isEmpty();
		assertThat(editorsBrowser.login(editor.getEmail(), TestAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?disabled"));
		assertThat(this.staff.enable(editor.getId(), admin.getId())).isEmpty();
		assertThat(this.jdbc
			.sql("""
					SELECT string_agg(action, ',' ORDER BY id) FROM audit_log
					WHERE target = :target AND outcome = 'SUCCESS' AND action IN ('ROLE_CHANGE', 'STAFF_DISABLE', 'STAFF_ENABLE')""")
			.param("target", "account:" + editor.getId())
			.query(String.class)
			.single()).isEqualTo("ROLE_CHANGE,STAFF_DISABLE,STAFF_ENABLE");
	}

	@Test
	void twoAdministratorsDisablingEachOtherAtTheSameInstantLeaveOneOfThem() throws Exception {
		Account first = this.accounts.create(Role.ADMIN, Totp.newSecret());
		Account second = this.accounts.create(Role.ADMIN, Totp.newSecret());
		// Only these two count: the others are set aside for the length of the test.
		List<Long> others = this.jdbc.sql("""
				UPDATE account SET enabled = false
				WHERE role_code = 'ADMIN' AND enabled AND id NOT IN (:first, :second) RETURNING id""")
			.param("first", first.getId())
			.param("second", second.getId())
			.query(Long.class)
			.list();
		try {
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				Future<Optional<StaffAdministration.Refusal>> one = pool.submit(() -> {
					start.await();
					return this.staff.disable(second.getId(), first.getId());
				});
				Future<Optional<StaffAdministration.Refusal>> other = pool.submit(() -> {
					start.await();
					return this.staff.changeRole(first.getId(), Role.EDITOR, second.getId(), null);
				});
				start.countDown();
				assertThat(List.of(one.get(), other.get())).filteredOn(Optional::isEmpty).hasSize(1);
				assertThat(List.of(one.get(), other.get())).filteredOn(Optional::isPresent)
					.singleElement()
					.satisfies((refusal) -> assertThat(refusal.get())
						.isEqualTo(StaffAdministration.Refusal.NOT_AN_ADMINISTRATOR));
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM account WHERE id IN (:first, :second) AND role_code = 'ADMIN' AND enabled""")
				.param("first", first.getId())
				.param("second", second.getId())
				.query(Integer.class)
				.single()).as("one administrator is left").isOne();
		}
		finally {
			if (!others.isEmpty()) {
				this.jdbc.sql("UPDATE account SET enabled = true WHERE id IN (:others)")
					.param("others", others)
					.update();
			}
		}
	}

	private int accountsWith(String email) {
		return this.jdbc.sql("SELECT count(*) FROM account WHERE email = :email")
			.param("email", email)
			.query(Integer.class)
			.single();
	}

	private String role(long accountId) {
		return this.jdbc.sql("SELECT role_code FROM account WHERE id = :id")
			.param("id", accountId)
			.query(String.class)
			.single();
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
	}

}
