package fr.dwwm.comptoir.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.dwwm.comptoir.account.Account;
import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.catalog.CatalogFixtures;
import fr.dwwm.comptoir.mail.DemoMailbox;
import fr.dwwm.comptoir.order.OrderQueries;
import fr.dwwm.comptoir.test.Mailbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buying in a real browser, as a guest and as a customer, from the cart to the invoice:
 * address, delivery, promotion code, card, confirmation page, mail received and invoice
 * downloaded, every page checked by axe and the Nu checker on the way.
 */
class CheckoutBrowserTests extends BrowserTest {

	private static final String PRODUCT = "Confiture d'abricots du test";

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OrderQueries orderQueries;

	@Test
	void aGuestBuysWithAPromoCodeAndGetsTheMailAndTheInvoice() throws Exception {
		desktop();
		browser.manage().deleteAllCookies();
		addToCart(productPage(), 5);
		open("/cart");
		press(browser.findElement(By.cssSelector("[data-cart-checkout]")));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/checkout"));
		assertPageQuality();

		String email = "invite-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
		type("email", email);
		fillAddress();
		press(browser.findElement(By.xpath("//label[contains(., 'Point relais')]/preceding-sibling::input")));
		type("promoCode", "bienvenue10");
		press(browser.findElement(By.cssSelector("button[name=intent][value=quote]")));
		waitUpTo5Seconds().until(
				(driver) -> driver.findElement(By.cssSelector("main")).getText().contains("Code BIENVENUE10 appliqué"));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Remise (BIENVENUE10)");
		assertThat(browser.findElement(By.id("city")).getDomProperty("value")).as("nothing typed is lost")
			.isEqualTo("Paris");
		String total = browser.findElement(By.cssSelector("[data-total=checkout]")).getText();
		pay("4242 4242 4242 4242");
		screenshot("commande-1280");
		press(browser.findElement(By.cssSelector("button[name=intent][value=order]")));

		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("/checkout/orders/CPT-"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Merci pour votre commande !");
		assertThat(browser.findElement(By.cssSelector("[data-total=order]")).getText()).isEqualTo(total);
		assertThat(browser.findElement(By.cssSelector("[data-cart-count]")).getText()).isEqualTo("0");
		screenshot("confirmation-de-commande-1280");
		assertPageQuality();
		String reference = browser.getCurrentUrl().replaceFirst(".*/", "");

		String invoiceNumber = this.orderQueries.byReference(reference).orElseThrow().invoiceNumber();
		List<DemoMailbox.ReceivedMail> mails = this.mailbox.to(email);
		assertThat(mails).singleElement().satisfies((mail) -> {
			assertThat(mail.text()).contains(reference).contains("Remise (code BIENVENUE10)");
			assertThat(mail.attachments()).as("named as the invoice downloaded")
				.containsExactly(invoiceNumber + ".pdf");
		});
		String invoice = invoiceText(browser.findElement(By.cssSelector("[data-invoice-link]")));
		assertThat(invoice).contains(reference, "Camille Martin", "Remise (code BIENVENUE10)")
			.contains("Total TTC " + total.replace('\u00a0', ' ').replace('\u202f', ' '));
	}

	@Test
	void aCustomerBuysWithTheirSavedAddressAndFindsTheOrderInTheirAccount() throws Exception {
		desktop();
		browser.manage().deleteAllCookies();
		Account customer = this.accounts.customer();
		this.jdbc.sql("""
				INSERT INTO address (account_id, label, first_name, last_name, line1, postal_code, city, is_default)
				VALUES (:account, 'Maison', 'Dominique', 'Durand', '3 place du Marché', '69001', 'Lyon', true)""")
			.param("account", customer.getId())
			.update();
		addToCart(productPage(), 1);
		signIn(customer);
		open("/checkout");
		assertThat(browser.findElement(By.cssSelector("main")).getText())
			.as("the guest cart joined the account at login, and the e-mail is the account's")
			.contains(PRODUCT, "Commande passée avec le compte " + customer.getEmail());
		WebElement saved = browser.findElement(By.cssSelector("input[name=addressId]:checked"));
		assertThat(saved.getDomAttribute("value")).isNotEmpty();
		pay("4242424242424242");
		press(browser.findElement(By.cssSelector("button[name=intent][value=order]")));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("/checkout/orders/CPT-"));
		String reference = browser.getCurrentUrl().replaceFirst(".*/", "");
		assertThat(browser.findElement(By.tagName("address")).getText()).contains("3 place du Marché", "69001 Lyon");

		open("/account/orders");
		assertPageQuality();
		press(browser.findElement(By.linkText(reference)));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().endsWith("/account/orders/" + reference));
		assertThat(browser.findElement(By.cssSelector(".order-status")).getText()).isEqualTo("Payée");
		assertThat(invoiceText(browser.findElement(By.cssSelector("[data-invoice-link]")))).contains(reference,
				"Dominique Durand");
		press(browser.findElement(By.xpath("//button[normalize-space()='Annuler la commande']")));
		waitUpTo5Seconds()
			.until((driver) -> driver.findElement(By.cssSelector(".order-status")).getText().equals("Annulée"));
		assertPageQuality();
	}

	@Test
	void aGuestHasTheInvoiceMadeOutToAnotherAddressThanTheDelivery() throws Exception {
		browser.manage().deleteAllCookies();
		addToCart(productPage(), 1);
		open("/checkout");
		assertThat(browser.findElement(By.cssSelector("[data-billing-fields]")).isDisplayed())
			.as("hidden while the invoice goes to the delivery address")
			.isFalse();
		type("email", "facture-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test");
		fillAddress();
		click(By.cssSelector("label[for=billingSame1]"));
		waitUpTo5Seconds().until((driver) -> driver.findElement(By.id("billing.line1")).isDisplayed());
		assertPageQuality();
		browser.findElement(By.id("billing.firstName")).sendKeys("Société");
		browser.findElement(By.id("billing.lastName")).sendKeys("Lumière SARL");
		browser.findElement(By.id("billing.line1")).sendKeys("4 quai des Chartrons");
		browser.findElement(By.id("billing.postalCode")).sendKeys("33000");
		browser.findElement(By.id("billing.city")).sendKeys("Bordeaux");
		mobile();
		assertPageQuality();
		assertNoControlIsCovered();
		desktop();
		pay("4242 4242 4242 4242");
		click(By.cssSelector("button[name=intent][value=order]"));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("/checkout/orders/CPT-"));
		assertThat(browser.findElement(By.cssSelector("[data-billing-address]")).getText())
			.contains("Société Lumière SARL", "4 quai des Chartrons");
		assertPageQuality();
		assertThat(invoiceText(browser.findElement(By.cssSelector("[data-invoice-link]"))))
			.contains("Société Lumière SARL", "4 quai des Chartrons", "33000 Bordeaux");
	}

	@Test
	void aRefusedCardIsExplainedAndTheFormKeepsWhatWasTyped() {
		desktop();
		browser.manage().deleteAllCookies();
		addToCart(productPage(), 1);
		open("/checkout");
		type("email", "refus-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test");
		fillAddress();
		pay("4000 0000 0000 0002");
		press(browser.findElement(By.cssSelector("button[name=intent][value=order]")));
		waitUpTo5Seconds().until((driver) -> !driver.findElements(By.cssSelector("main [role=alert]")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("main [role=alert]")).getText()).isEqualTo(
				"Paiement refusé par votre banque. Votre commande n'a pas été passée : essayez une autre carte.");
		assertThat(browser.findElement(By.id("line1")).getDomProperty("value")).isEqualTo("8 rue des Lilas");
		assertThat(browser.findElement(By.id("cardNumber")).getDomProperty("value")).isEmpty();
		assertPageQuality();
	}

	/**
	 * A product of this test's own, so that buying never empties the demo catalog that
	 * other tests browse.
	 */
	private String productPage() {
		CatalogFixtures fixtures = new CatalogFixtures(this.jdbc);
		long id = fixtures.product(fixtures.category("Achats du navigateur", null), PRODUCT, 690, 100, Map.of());
		return "/products/"
				+ this.jdbc.sql("SELECT slug FROM product WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void theCheckoutAndItsConfirmationFitAPhone() {
		browser.manage().deleteAllCookies();
		desktop();
		addToCart(productPage(), 1);
		mobile();
		open("/cart");
		assertPageQuality();
		assertNoControlIsCovered();
		open("/checkout");
		assertPageQuality();
		assertThat(horizontalOverflow()).as("horizontal scroll on /checkout").isLessThanOrEqualTo(0);
		assertNoControlIsCovered();
		type("email", "mobile-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test");
		fillAddress();
		pay("4242 4242 4242 4242");
		press(browser.findElement(By.cssSelector("button[name=intent][value=order]")));
		waitUpTo5Seconds().until((driver) -> driver.getCurrentUrl().contains("/checkout/orders/CPT-"));
		assertPageQuality();
		assertThat(horizontalOverflow()).as("horizontal scroll on the confirmation, widest: " + browser.executeScript(
				"""
						const w = document.documentElement.clientWidth;
						return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w)
						  .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5).join(' | ');"""))
			.isLessThanOrEqualTo(0);
		screenshot("confirmation-de-commande-375");
		desktop();
	}

	/** Activates a control with the keyboard, as a person without a mouse would. */
	private static void press(WebElement element) {
		String type = element.getDomAttribute("type");
		element.sendKeys(("radio".equals(type) || "checkbox".equals(type)) ? Keys.SPACE : Keys.ENTER);
	}

}
