package fr.dwwm.comptoir.web;

import fr.dwwm.comptoir.test.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;

/**
 * The interface is French by default and English on request.
 */
@IntegrationTest
class LanguageTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void frenchIsTheDefaultWhateverTheBrowserAsksFor() throws Exception {
		this.mvc.perform(get("/").header("Accept-Language", "en-US,en;q=0.9"))
			.andExpect(content().string(containsString("<html lang=\"fr\">")))
			.andExpect(content().string(containsString("Rechercher")));
	}

	@Test
	void langEnSwitchesToEnglishAndRemembersItInACookie() throws Exception {
		this.mvc.perform(get("/").param("lang", "en"))
			.andExpect(content().string(containsString("<html lang=\"en\">")))
			.andExpect(content().string(containsString("Search for a product")))
			.andExpect(cookie().value(ShopLocaleResolver.COOKIE, "en"))
			.andExpect(cookie().httpOnly(ShopLocaleResolver.COOKIE, true));
		this.mvc.perform(get("/").cookie(new Cookie(ShopLocaleResolver.COOKIE, "en")))
			.andExpect(content().string(containsString("<html lang=\"en\">")));
	}

	@Test
	void anUntranslatedLanguageFallsBackToFrench() throws Exception {
		this.mvc.perform(get("/").param("lang", "de"))
			.andExpect(content().string(containsString("<html lang=\"fr\">")));
		this.mvc.perform(get("/").param("lang", "<script>"))
			.andExpect(content().string(containsString("<html lang=\"fr\">")));
	}

	@Test
	void theSwitcherLinksToTheSamePageInTheOtherLanguage() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("href=\"/login?lang=en\"")))
			.andExpect(content().string(containsString("hreflang=\"en\"")));
		this.mvc.perform(get("/login").param("lang", "en"))
			.andExpect(content().string(containsString("href=\"/login?lang=fr\"")));
	}

}
