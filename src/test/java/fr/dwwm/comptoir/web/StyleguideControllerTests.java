package fr.dwwm.comptoir.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The style guide exists in demo mode only.
 */
class StyleguideControllerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StyleguideController.class);

	@Test
	void itExistsInDemoMode() {
		this.runner.withPropertyValues("app.demo.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(StyleguideController.class));
	}

	@Test
	void itDoesNotExistInProduction() {
		this.runner.withPropertyValues("app.demo.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StyleguideController.class));
	}

	@Test
	void itShowsTheColoursOfTheStylesheet() {
		assertThat(CharterColors.fromClasspath()).extracting(CharterColors.Token::name)
			.contains("ink", "paper", "brand", "on-brand", "danger");
		assertThat(CharterColors.fromClasspath()).allSatisfy((token) -> assertThat(token.dark()).isNotNull());
	}

}
