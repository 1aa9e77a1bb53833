package fr.dwwm.comptoir.order;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.admin.StaffLogin;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.web.CsvFormat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The accountant's export: one line per invoice and per credit note of the period, whose
 * totals equal the sums the database holds, and whose every line adds up (bases and VAT
 * per rate to the totals, excluding VAT plus VAT to the total).
 */
@IntegrationTest
class AccountingExportTests {

	@Autowired
	private AccountingExport export;

	@Autowired
	private DeliveredOrders deliveries;

	@Autowired
	private Refunds refunds;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	@Test
	void theTotalsOfTheExportEqualTheSqlSumsOfTheInvoicesAndCreditNotesOfThePeriod() throws IOException {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long jam = fixtures
			.variantOf(fixtures.product(fixtures.category("Comptabilité", null), "Miel comptable", 1290, 20, Map.of()));
		Account customer = this.accounts.customer();
		DeliveredOrders.Delivered order = this.deliveries.deliver(customer.getId(), customer.getEmail(), Map.of(jam, 2),
				Instant.now());
		long staff = this.accounts.create(Role.ADMIN, null).getId();
		this.refunds.refund(order.id(), new Refunds.Request(Map.of(order.lineIds().get(0), 1), false, 0),
				UUID.randomUUID(), staff, null, null);
		LocalDate today = LocalDate.now(Invoices.SHOP_ZONE);

		StringWriter out = new StringWriter();
		this.export.write(today, today, out);
		assertThat(out.toString()).startsWith("\uFEFFtype;numero;date;commande;facture_d_origine;client;base_ht_2_1");
		List<List<String>> lines = CsvFormat.parse(new StringReader(out.toString().substring(1)));
		List<String> header = lines.get(0);
		List<List<String>> rows = lines.subList(1, lines.size());

		long invoiced = this.jdbc.sql("""
				SELECT coalesce(sum(total_cents), 0) FROM invoice
				WHERE (issued_at AT TIME ZONE 'Europe/Paris')::date = :today""")
			.param("today", today)
			.query(Long.class)
			.single();
		long credited = this.jdbc.sql("""
				SELECT coalesce(sum(total_cents), 0) FROM credit_note
				WHERE (issued_at AT TIME ZONE 'Europe/Paris')::date = :today""")
			.param("today", today)
			.query(Long.class)
			.single();
		int total = header.indexOf("total_ttc");
		assertThat(sum(rows, "FACTURE", total)).isEqualTo(invoiced);
		assertThat(sum(rows, "AVOIR", total)).isEqualTo(credited);
		assertThat(rows).anySatisfy((row) -> assertThat(row).startsWith("FACTURE").contains(order.reference()));
		assertThat(rows).as("the credit note of this test's refund: one jar of 12,90 €")
			.anySatisfy((row) -> assertThat(row).startsWith("AVOIR").contains(order.reference(), "12,90"));
		for (List<String> row : rows) {
			long bases = 0;
			long vat = 0;
			for (int i = header.indexOf("base_ht_2_1"); i < header.indexOf("total_ht"); i += 2) {
				bases += cents(row.get(i));
				vat += cents(row.get(i + 1));
			}
			assertThat(bases).as(row.toString()).isEqualTo(cents(row.get(header.indexOf("total_ht"))));
			assertThat(vat).as(row.toString()).isEqualTo(cents(row.get(header.indexOf("total_tva"))));
			assertThat(bases + vat).as(row.toString()).isEqualTo(cents(row.get(total)));
		}
	}

	@Test
	void aReversedPeriodOrOneLongerThanAYearIsRefused() {
		LocalDate today = LocalDate.now(Invoices.SHOP_ZONE);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.export.write(today, today.minusDays(1), new StringWriter()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.export.write(today.minusDays(400), today, new StringWriter()));
	}

	@Test
	void anAdministratorDownloadsTheFileAndAWrongPeriodComesBackWithAMessage() {
		Http admin = StaffLogin.as(Role.ADMIN, this.accounts, this.port).http();
		HttpResponse<String> file = admin.get("/admin/orders/accounting.csv");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("comptabilite-"));

		HttpResponse<String> reversed = admin.get("/admin/orders/accounting.csv?from=2026-12-05&to=2026-12-01");
		assertThat(reversed.statusCode()).isEqualTo(303);
		String back = reversed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(admin.get(back).body()).contains("Choisissez une période d&#39;un jour à un an");
		assertThat(admin.get("/admin/orders/accounting.csv?from=demain").statusCode()).as("not a date").isEqualTo(400);
	}

	private static long sum(List<List<String>> rows, String type, int column) {
		return rows.stream().filter((row) -> row.get(0).equals(type)).mapToLong((row) -> cents(row.get(column))).sum();
	}

	private static long cents(String euros) {
		return new BigDecimal(euros.replace(',', '.')).movePointRight(2).longValueExact();
	}

}
