package fr.dwwm.comptoir.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API's interactive page in a real browser, demo mode: Swagger UI, from its
 * WebJar, lists the operations of the contract under the shop's Content-Security-Policy,
 * which it does not break (no violation reported, no script error). Swagger UI's own
 * markup is not the shop's: axe and the Nu checker are run on the shop's pages only.
 */
class ApiDocsBrowserTests extends BrowserTest {

	@Test
	void swaggerUiListsTheContractsOperationsUnderTheShopsPolicy() {
		desktop();
		open("/api/docs");
		waitUpTo5Seconds().until((driver) -> driver.findElements(By.cssSelector(".opblock")).size() >= 10);
		assertThat(browser.findElement(By.cssSelector("#swagger-ui")).getText()).contains("/api/v1/products",
				"/api/v1/orders/{reference}", "Comptoir API");
		assertNoContentSecurityPolicyViolation();
		assertThat(consoleMessages()).as("no script error").noneMatch((message) -> message.contains("SEVERE"));
	}

}
