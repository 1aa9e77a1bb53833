package fr.dwwm.comptoir.order;

import java.time.LocalDate;
import java.util.UUID;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promotion codes made in the back office, on the real database: a code created works at
 * the checkout from its first day to the end of its last; a form opened before someone
 * else's change is refused and changes nothing; an existing code, a percentage above 100,
 * dates the wrong way round or a total below the uses already made are refused with a
 * message; a code switched off no longer applies; each change is audited with its before
 * and after values.
 */
@IntegrationTest
class PromoCodeAdministrationTests {

	@Autowired
	private PromoCodeAdministration administration;

	@Autowired
	private PromoCodes promoCodes;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	private long staff;

	@BeforeEach
	void anAdministrator() {
		this.staff = this.accounts.create(Role.ADMIN, null).getId();
	}

	@Test
	void aCodeCreatedInTheBackOfficeAppliesFromItsFirstDayToTheEndOfItsLast() {
		String code = code();
		PromoCodeForm form = form(code, "PERCENT", "15", LocalDate.now(Invoices.SHOP_ZONE),
				LocalDate.now(Invoices.SHOP_ZONE));
		form.setMinimumBasket("20,00");
		PromoCodeAdministration.Result created = this.administration.create(form, this.staff);

		assertThat(created.refusal()).isNull();
		assertThat(this.promoCodes.check(code.toLowerCase(), 4000, null).discountCents()).as("15 % of 40.00 €")
			.isEqualTo(600);
		assertThat(this.promoCodes.check(code, 1999, null).refusalKey()).isEqualTo("promo.minimum");
		PromoCodeAdministration.PromoCode saved = this.administration.find(created.id()).orElseThrow();
		assertThat(saved.endsOn()).as("the last day is the one typed").isEqualTo(LocalDate.now(Invoices.SHOP_ZONE));
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PROMO_CREATE' AND target = :target")
			.param("target", "promo:" + created.id())
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aFormOpenedBeforeSomeoneElsesChangeIsRefusedAndChangesNothing() {
		String code = code();
		long id = this.administration
			.create(form(code, "FIXED", "5,00", LocalDate.now(Invoices.SHOP_ZONE),
					LocalDate.now(Invoices.SHOP_ZONE).plusDays(9)), this.staff)
			.id();
		PromoCodeForm mine = PromoCodeForm.of(this.administration.find(id).orElseThrow());
		PromoCodeForm theirs = PromoCodeForm.of(this.administration.find(id).orElseThrow());
		theirs.setAmount("7,50");
		assertThat(this.administration.update(id, theirs, this.staff).refusal()).isNull();

		mine.setAmount("2,00");
		assertThat(this.administration.update(id, mine, this.staff).refusal()).isEqualTo("admin.promo.stale");
		assertThat(this.administration.find(id).orElseThrow().amount()).isEqualTo(750);
		assertThat(
				this.jdbc.sql("SELECT details::text FROM audit_log WHERE action = 'PROMO_UPDATE' AND target = :target")
					.param("target", "promo:" + id)
					.query(String.class)
					.single())
			.as("before and after")
			.contains("\"before\"", "5,00", "\"after\"", "7,50");
	}

	@Test
	void impossibleTermsAreRefusedWithAMessageAndNothingIsWritten() {
		String code = code();
		LocalDate today = LocalDate.now(Invoices.SHOP_ZONE);
		assertThat(this.administration.create(form(code, "PERCENT", "150", today, today), this.staff).refusal())
			.isEqualTo("admin.promo.percent.invalid");
		assertThat(this.administration.create(form(code, "PERCENT", "12,5", today, today), this.staff).refusal())
			.isEqualTo("admin.promo.percent.invalid");
		assertThat(this.administration.create(form(code, "PERCENT", "10", today, today.minusDays(1)), this.staff)
			.refusal()).isEqualTo("admin.promo.dates.invalid");
		assertThat(this.administration.create(form("BIENVENUE10", "PERCENT", "10", today, today), this.staff).refusal())
			.as("an existing code, whatever the case typed")
			.isEqualTo("admin.promo.code.taken");
		assertThat(this.jdbc.sql("SELECT count(*) FROM promo_code WHERE code = :code")
			.param("code", code)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aCodeSwitchedOffNoLongerApplies() {
		String code = code();
		long id = this.administration
			.create(form(code, "PERCENT", "10", LocalDate.now(Invoices.SHOP_ZONE), LocalDate.now(Invoices.SHOP_ZONE)),
					this.staff)
			.id();
		assertThat(this.administration.activate(id, false, this.staff)).isTrue();
		assertThat(this.promoCodes.check(code, 5000, null).refusalKey()).isEqualTo("promo.unknown");
	}

	private static PromoCodeForm form(String code, String kind, String amount, LocalDate from, LocalDate to) {
		PromoCodeForm form = new PromoCodeForm();
		form.setPromoCode(code);
		form.setKind(kind);
		form.setAmount(amount);
		form.setStartsOn(from);
		form.setEndsOn(to);
		return form;
	}

	private static String code() {
		return "TEST" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
	}

}
