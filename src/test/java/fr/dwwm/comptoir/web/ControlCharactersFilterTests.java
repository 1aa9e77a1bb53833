package fr.dwwm.comptoir.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a form field or a JSON text may not carry: what HTML forbids in a page, so that a
 * value shown back never makes a page invalid; and what it may.
 */
class ControlCharactersFilterTests {

	@Test
	void controlCharactersNoncharactersAndLoneSurrogatesAreRefused() {
		for (String text : List.of("Bol\u0000", "Bol \u001b[31m", "Bol\u007f", "Bol\u0085", "Bol\u009f", "Bol\ufdd0",
				"Bol\uffff", "Bol\ud83d", "\ude00Bol", "Bol\u000b")) {
			assertThat(ControlCharactersFilter.isForbidden(text)).as(text.codePoints().boxed().toList().toString())
				.isTrue();
		}
	}

	@Test
	void textTabsLineBreaksAccentsAndEmojisAreAccepted() {
		for (String text : List.of("Bol\tà\r\nfeu", "Crème brûlée « maison »", "Thé 🍵 vert", "Œuf’s — 5 €", "")) {
			assertThat(ControlCharactersFilter.isForbidden(text)).as(text).isFalse();
		}
		assertThat(ControlCharactersFilter.isForbidden(null)).isFalse();
	}

}
