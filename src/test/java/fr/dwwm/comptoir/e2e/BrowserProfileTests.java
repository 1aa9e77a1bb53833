package fr.dwwm.comptoir.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browsers the tests start clean up after themselves.
 */
@EnabledIf(value = "fr.dwwm.comptoir.e2e.Browser#available", disabledReason = Browser.SKIP_REASON)
class BrowserProfileTests {

	@Test
	void aBrowserThatQuitsLeavesNoProfileInTheTemporaryDirectory() {
		ChromeDriver browser = Browser.start();
		Path profile = Path
			.of((String) ((Map<?, ?>) browser.getCapabilities().getCapability("chrome")).get("userDataDir"));
		browser.get("data:text/html,<title>t</title><p>profile written");
		assertThat(profile).as("the profile while the browser runs").isDirectory();
		assertThat(profile.getFileName().toString()).startsWith("comptoir-chromium-");

		browser.quit();

		assertThat(Files.exists(profile)).as("the profile " + profile + " after quit").isFalse();
	}

}
