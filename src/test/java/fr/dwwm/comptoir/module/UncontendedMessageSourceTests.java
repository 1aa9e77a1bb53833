package fr.dwwm.comptoir.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts with arguments are formatted without a lock shared by every page.
 */
class UncontendedMessageSourceTests {

	private final UncontendedMessageSource messages = new UncontendedMessageSource();

	UncontendedMessageSourceTests() {
		this.messages.setBasenames("messages");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
	}

	@Test
	void eachUseOfATextWithArgumentsGetsItsOwnFormatSoThatNoPageWaitsForAnother() {
		assertThat(this.messages.resolveCode("catalog.stock.low", Locale.FRENCH))
			.isNotSameAs(this.messages.resolveCode("catalog.stock.low", Locale.FRENCH));
	}

	@Test
	void aTextThatDoesNotExistIsStillReportedMissing() {
		assertThat(this.messages.resolveCode("no.such.text", Locale.FRENCH)).isNull();
	}

	@Test
	void textsFormattedByManyThreadsAtOnceKeepTheirOwnArguments() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				int units = thread + 1;
				results.add(threads.submit(() -> {
					for (int i = 0; i < 2_000; i++) {
						String text = this.messages.getMessage("catalog.stock.low", new Object[] { units },
								Locale.FRENCH);
						if (!text.equals("Plus que " + units + " en stock")) {
							return false;
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
