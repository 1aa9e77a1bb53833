package fr.dwwm.comptoir.pwa;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.web.CharterColors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The manifest gives a phone what it needs to install the shop: names, start page,
 * standalone display, the charter's colours, icons and screenshots that exist at the
 * sizes it says, and shortcuts to pages that exist.
 */
@IntegrationTest
class ManifestTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JsonMapper json;

	@Test
	void everyPageLinksTheManifest() throws Exception {
		for (String path : List.of("/", "/products", "/products/confiture-de-figues", "/cart", "/login")) {
			assertThat(this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString()).as(path)
				.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">");
		}
	}

	@Test
	void theManifestDescribesAnInstallableShopInFrench() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/manifest.webmanifest"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("application/manifest+json");
		JsonNode manifest = this.json.readTree(response.getContentAsString());
		assertThat(manifest.get("name").asString()).isEqualTo("Comptoir, épicerie fine et art de la table");
		assertThat(manifest.get("short_name").asString()).isEqualTo("Comptoir");
		assertThat(manifest.get("lang").asString()).isEqualTo("fr");
		assertThat(manifest.get("start_url").asString()).isEqualTo("/");
		assertThat(manifest.get("scope").asString()).isEqualTo("/");
		assertThat(manifest.get("display").asString()).isEqualTo("standalone");
		Map<String, CharterColors.Token> charter = charter();
		assertThat(manifest.get("theme_color").asString()).isEqualTo(charter.get("surface").light());
		assertThat(manifest.get("background_color").asString()).isEqualTo(charter.get("paper").light());
		assertThat(manifest.get("shortcuts").findValuesAsString("url")).containsExactly("/products", "/cart");
		assertThat(manifest.get("shortcuts").findValuesAsString("name")).containsExactly("Catalogue", "Panier");
	}

	@Test
	void itsIconsAndScreenshotsAreServedAtTheSizesItDeclares() throws Exception {
		JsonNode manifest = this.json
			.readTree(this.mvc.perform(get("/manifest.webmanifest")).andReturn().getResponse().getContentAsString());
		assertThat(manifest.get("icons").findValuesAsString("sizes")).containsExactly("192x192", "512x512", "512x512");
		assertThat(manifest.get("icons").findValuesAsString("purpose")).containsExactly("any", "any", "maskable");
		assertThat(manifest.get("screenshots").findValuesAsString("form_factor")).containsExactly("narrow", "wide");
		for (JsonNode image : List.of(manifest.get("icons"), manifest.get("screenshots"))) {
			for (JsonNode entry : image) {
				String src = entry.get("src").asString();
				assertThat(src).as("a versioned URL, cached for a year")
					.matches("/img/app/[a-z0-9-]+-[0-9a-f]{32}\\.png");
				MockHttpServletResponse file = this.mvc.perform(get(src)).andReturn().getResponse();
				assertThat(file.getStatus()).as(src).isEqualTo(200);
				assertThat(file.getContentType()).isEqualTo("image/png");
				java.awt.image.BufferedImage png = javax.imageio.ImageIO
					.read(new java.io.ByteArrayInputStream(file.getContentAsByteArray()));
				assertThat(png.getWidth() + "x" + png.getHeight()).as(src).isEqualTo(entry.get("sizes").asString());
			}
		}
	}

	@Test
	void theShortcutsLeadToPagesThatExist() throws Exception {
		this.mvc.perform(get("/products")).andExpect(status().isOk());
		this.mvc.perform(get("/cart")).andExpect(status().isOk());
	}

	@Test
	void itIsInFrenchWhateverTheBrowsersLanguageAsTheShopIsUntilAnotherIsChosen() throws Exception {
		JsonNode manifest = this.json
			.readTree(this.mvc.perform(get("/manifest.webmanifest").header("Accept-Language", "en-GB,en;q=0.8"))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(manifest.get("lang").asString()).isEqualTo("fr");
	}

	@Test
	void aRequestCarryingTheChosenLanguageGetsItInThatLanguage() throws Exception {
		JsonNode manifest = this.json.readTree(this.mvc
			.perform(get("/manifest.webmanifest").cookie(new jakarta.servlet.http.Cookie("comptoir-lang", "en")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(manifest.get("lang").asString()).isEqualTo("en");
		assertThat(manifest.get("name").asString()).isEqualTo("Comptoir, fine food and tableware");
		assertThat(manifest.get("shortcuts").findValuesAsString("name")).containsExactly("Catalogue", "Cart");
	}

	@Test
	void aBrowserThatHasItIsToldItIsUnchanged() throws Exception {
		String etag = this.mvc.perform(get("/manifest.webmanifest")).andReturn().getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		this.mvc.perform(get("/manifest.webmanifest").header("If-None-Match", etag))
			.andExpect(status().isNotModified());
	}

	private static Map<String, CharterColors.Token> charter() {
		return CharterColors.fromClasspath()
			.stream()
			.collect(java.util.stream.Collectors.toMap(CharterColors.Token::name, (token) -> token));
	}

}
