package fr.dwwm.comptoir.module.builtin.banner;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleSettings;
import fr.dwwm.comptoir.module.api.ModuleView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the promotional banner shows, and what it links to.
 */
class BannerModuleTests {

	private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-27T10:00");

	@Test
	void withoutDatesTheBannerAlwaysShows() {
		assertThat(BannerModule.showsAt(NOW, settings("", ""))).isTrue();
	}

	@Test
	void theStartIsIncludedAndTheEndExcluded() {
		ModuleSettings blackFriday = settings("2026-11-27T00:00", "2026-11-30T00:00");
		assertThat(BannerModule.showsAt(LocalDateTime.parse("2026-11-26T23:59"), blackFriday)).isFalse();
		assertThat(BannerModule.showsAt(LocalDateTime.parse("2026-11-27T00:00"), blackFriday)).isTrue();
		assertThat(BannerModule.showsAt(LocalDateTime.parse("2026-11-29T23:59"), blackFriday)).isTrue();
		assertThat(BannerModule.showsAt(LocalDateTime.parse("2026-11-30T00:00"), blackFriday)).isFalse();
	}

	@Test
	void aDateLeftEmptySetsNoLimitOnItsSide() {
		assertThat(BannerModule.showsAt(NOW, settings("2026-11-28T00:00", ""))).as("not started").isFalse();
		assertThat(BannerModule.showsAt(NOW, settings("2026-11-01T00:00", ""))).as("started, no end").isTrue();
		assertThat(BannerModule.showsAt(NOW, settings("", "2026-11-27T10:00"))).as("just ended").isFalse();
		assertThat(BannerModule.showsAt(NOW, settings("", "2026-12-01T00:00"))).as("not ended").isTrue();
	}

	@Test
	void anEndBeforeTheStartNeverShows() {
		assertThat(BannerModule.showsAt(NOW, settings("2026-11-28T00:00", "2026-11-01T00:00"))).isFalse();
	}

	@Test
	void theDatesAreReadInParisTime() {
		// 10:30 UTC on 27 November is 11:30 in Paris (winter time).
		BannerModule banner = new BannerModule(
				Clock.fixed(LocalDateTime.parse("2026-11-27T10:30").toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
		assertThat(banner.render(context(settings("2026-11-27T11:00", "")))).as("11:00 Paris has passed").isPresent();
		assertThat(banner.render(context(settings("2026-11-27T12:00", "")))).as("12:00 Paris has not").isEmpty();
	}

	@Test
	void onlyALinkOfTheShopOrAnHttpsAddressIsPrinted() {
		assertThat(BannerModule.safeLink("/products")).hasValue("/products");
		assertThat(BannerModule.safeLink("https://exemple.fr/soldes")).hasValue("https://exemple.fr/soldes");
		assertThat(BannerModule.safeLink("")).isEmpty();
		assertThat(BannerModule.safeLink("javascript:alert(1)")).isEmpty();
		assertThat(BannerModule.safeLink("//pirate.example")).isEmpty();
		assertThat(BannerModule.safeLink("http://exemple.fr")).isEmpty();
		Optional<ModuleView> view = new BannerModule(Clock.systemUTC())
			.render(context(new ModuleSettings(BannerModule.DESCRIPTOR, Map.of("link", ""))));
		assertThat(view).get().extracting(ModuleView::model).isEqualTo(Map.of("link", ""));
	}

	@Test
	void theDefaultsAreValidValues() {
		ModuleSettings defaults = new ModuleSettings(BannerModule.DESCRIPTOR, Map.of());
		BannerModule.DESCRIPTOR.settings()
			.forEach((setting) -> assertThat(setting.check(defaults.text(setting.key()))).as(setting.key()).isEmpty());
		assertThat(BannerModule.DESCRIPTOR.hooks()).containsExactly("displayTop", "displayHome");
		assertThat(BannerModule.DESCRIPTOR.defaultHooks()).isEqualTo(1);
		assertThat(BannerModule.DESCRIPTOR.storesData()).isFalse();
	}

	private static ModuleSettings settings(String startsAt, String endsAt) {
		return new ModuleSettings(BannerModule.DESCRIPTOR, Map.of("starts-at", startsAt, "ends-at", endsAt));
	}

	private static HookContext context(ModuleSettings settings) {
		return new HookContext("displayTop", Locale.FRENCH, settings, null, null);
	}

}
