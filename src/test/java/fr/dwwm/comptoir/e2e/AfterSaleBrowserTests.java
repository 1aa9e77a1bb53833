package fr.dwwm.comptoir.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.order.DeliveredOrders;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the sale, in a real browser, end to end: a customer asks to return one jar of a
 * delivered order; staff find the request in the back office, accept it, record the jar
 * received (it is back in stock) and refund it; the customer downloads the credit note,
 * whose PDF cites the invoice and adds up. Every new screen is checked by axe and the Nu
 * checker at 1280 and 375 px.
 */
class AfterSaleBrowserTests extends BrowserTest {

	private static final Pattern TOTALS = Pattern
		.compile("Total HT ([0-9 ]+,[0-9]{2}) € Total TVA ([0-9 ]+,[0-9]{2}) € Total TTC ([0-9 ]+,[0-9]{2}) €");

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private DeliveredOrders deliveries;

	@Test
	void aCustomerReturnsAJarStaffRefundItAndTheCustomerDownloadsTheCreditNote() throws Exception {
		desktop();
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long category = fixtures.category("Retours en navigateur", null);
		long jam = fixtures.variantOf(fixtures.product(category, "Confiture de coings", 690, 10, Map.of()));
		long tea = fixtures.variantOf(fixtures.product(category, "Thé fumé", 1200, 10, Map.of()));
		Account customer = this.accounts.customer();
		Map<Long, Integer> units = new LinkedHashMap<>();
		units.put(jam, 2);
		units.put(tea, 1);
		DeliveredOrders.Delivered order = this.deliveries.deliver(customer.getId(), customer.getEmail(), units,
				Instant.now().minus(Duration.ofDays(3)));
		String orderPage = "/account/orders/" + order.reference();

		signIn(customer);
		open(orderPage);
		assertThat(browser.findElement(By.cssSelector("[data-order-returns]")).getText())
			.contains("Vous pouvez demander un retour jusqu'au");
		assertPageQuality();
		click(By.cssSelector("[data-return-link]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith(orderPage + "/return"));
		assertPageQualityOnDesktopAndPhone();

		var quantity = browser.findElement(By.id("quantity-" + order.lineIds().get(0)));
		quantity.clear();
		quantity.sendKeys("1");
		type("reason", "Un pot de trop");
		click(By.cssSelector("[data-return-submit]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith(orderPage));
		assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText())
			.startsWith("Votre demande de retour est enregistrée");
		assertThat(browser.findElement(By.cssSelector("[data-return-status]")).getText()).isEqualTo("Demande envoyée");

		logIn(Role.ADMIN);
		open("/admin/returns");
		assertPageQuality();
		click(By.linkText(order.reference()));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/admin/orders/" + order.reference()));
		assertPageQuality();
		click(By.cssSelector("[data-accept-return]"));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.startsWith("Retour accepté"));
		click(By.cssSelector("[data-receive-return]"));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.startsWith("Réception enregistrée"));
		assertThat(stock(jam)).as("the jar is back on the shelf").isEqualTo(9);
		assertThat(browser.findElement(By.name("quantities[" + order.lineIds().get(0) + "]")).getDomProperty("value"))
			.as("the received jar is ticked in advance")
			.isEqualTo("1");
		assertThat(browser.findElement(By.cssSelector("[data-refund-remaining]")).getText())
			.isEqualTo("Reste remboursable : " + euros(order.totalCents()));
		assertPageQuality();
		mobile();
		assertPageQuality();
		open("/admin/returns");
		assertPageQuality();
		open("/admin/orders/" + order.reference());
		desktop();
		click(By.cssSelector("[data-refund-submit]"));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.cssSelector("main [role=status]"))
			.getText()
			.startsWith("Remboursement effectué"));
		assertThat(browser.findElement(By.cssSelector("[data-admin-refunds]")).getText()).contains("AV-", "6,90 €");
		assertThat(browser.findElement(By.cssSelector("[data-refund-remaining]")).getText())
			.isEqualTo("Reste remboursable : " + euros(order.totalCents() - 690));

		browser.manage().deleteAllCookies();
		signIn(customer);
		open(orderPage);
		assertThat(browser.findElement(By.cssSelector("[data-return-status]")).getText()).isEqualTo("Remboursée");
		String creditNote = pdfText(browser.findElement(By.cssSelector("[data-credit-note-link]")), "AV-");
		String invoice = this.jdbc
			.sql("SELECT 'FA-' || year || '-' || lpad(number::text, 6, '0') FROM invoice WHERE order_id = :order")
			.param("order", order.id())
			.query(String.class)
			.single();
		assertThat(creditNote).contains("FACTURE D'AVOIR", "Avoir sur la facture n° " + invoice, "Confiture de coings",
				"5,5 %", "Remboursé sur la carte se terminant par 4242");
		Matcher totals = TOTALS.matcher(creditNote);
		assertThat(totals.find()).as(creditNote).isTrue();
		BigDecimal net = amount(totals.group(1));
		BigDecimal vat = amount(totals.group(2));
		assertThat(amount(totals.group(3))).isEqualByComparingTo("6.90").isEqualByComparingTo(net.add(vat));
		assertThat(vat).as("5.5 % included in 6.90").isEqualByComparingTo("0.36");
		assertPageQuality();
		mobile();
		assertPageQuality();
		assertNoControlIsCovered();
		desktop();
	}

	@Override
	protected void signIn(Account customer) {
		browser.manage().deleteAllCookies();
		super.signIn(customer);
	}

	private int stock(long variant) {
		return this.jdbc.sql("SELECT stock FROM product_variant WHERE id = :id")
			.param("id", variant)
			.query(Integer.class)
			.single();
	}

	private static BigDecimal amount(String french) {
		return new BigDecimal(french.replace(" ", "").replace(',', '.'));
	}

	private static String euros(long cents) {
		return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',') + " €";
	}

}
