package fr.dwwm.comptoir.module.builtin.newsletter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a visitor goes back after signing up from a block: the page they were on, never
 * another site.
 */
class ReturnPathsTests {

	@Test
	void aPathOfTheShopIsKept() {
		assertThat(ReturnPaths.safe("/")).isEqualTo("/");
		assertThat(ReturnPaths.safe("/products/confiture-de-figues")).isEqualTo("/products/confiture-de-figues");
		assertThat(ReturnPaths.safe("/products?category=epicerie&page=2"))
			.isEqualTo("/products?category=epicerie&page=2");
		assertThat(ReturnPaths.safe("/search?q=th%C3%A9")).isEqualTo("/search?q=th%C3%A9");
	}

	@Test
	void anythingElseGoesBackToTheHomePage() {
		assertThat(ReturnPaths.safe(null)).isEqualTo("/");
		assertThat(ReturnPaths.safe("")).isEqualTo("/");
		assertThat(ReturnPaths.safe("https://pirate.example/")).isEqualTo("/");
		assertThat(ReturnPaths.safe("//pirate.example/")).isEqualTo("/");
		assertThat(ReturnPaths.safe("/\\pirate.example/")).isEqualTo("/");
		assertThat(ReturnPaths.safe("javascript:alert(1)")).isEqualTo("/");
		assertThat(ReturnPaths.safe("/products\r\nSet-Cookie: x=1")).isEqualTo("/");
		assertThat(ReturnPaths.safe("/search?q={x}")).as("braces would be read as a URI template").isEqualTo("/");
		assertThat(ReturnPaths.safe("/products#avis")).isEqualTo("/");
		assertThat(ReturnPaths.safe("/" + "a".repeat(600))).isEqualTo("/");
	}

	@Test
	void afterSigningUpThePageSaysSoAndScrollsToTheBlock() {
		assertThat(ReturnPaths.afterSignUp("/products?category=epicerie", "displayFooter"))
			.isEqualTo("/products?category=epicerie&newsletter=sent#newsletter-displayFooter");
		assertThat(ReturnPaths.afterSignUp("/?newsletter=sent", "displayHome")).as("not twice")
			.isEqualTo("/?newsletter=sent#newsletter-displayHome");
		assertThat(ReturnPaths.afterSignUp("//pirate.example", "<script>")).isEqualTo("/?newsletter=sent#newsletter");
	}

}
