package fr.dwwm.comptoir.module.builtin.featured;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleSettings;
import fr.dwwm.comptoir.module.api.ModuleView;
import fr.dwwm.comptoir.module.api.ShopCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The featured products carousel asks the catalog for the right number of products and
 * shows nothing when there is none.
 */
class FeaturedModuleTests {

	private static final ShopCatalog.ProductTeaser JAM = new ShopCatalog.ProductTeaser(1, "Confiture de figues",
			"/products/confiture-de-figues", "6,50 €", "/images/products/figues.jpg?w=320", "Un pot de confiture");

	@Test
	void noFeaturedProductMeansNoBlock() {
		FakeCatalog catalog = new FakeCatalog(List.of());
		assertThat(new FeaturedModule(catalog).render(context(Map.of()))).isEmpty();
	}

	@Test
	void theProductsAreAskedInTheVisitorsLanguageAndNumber() {
		FakeCatalog catalog = new FakeCatalog(List.of(JAM));
		Optional<ModuleView> view = new FeaturedModule(catalog).render(context(Map.of("count", "5")));
		assertThat(view).get().extracting(ModuleView::template).isEqualTo("modules/featured/carousel");
		assertThat(view.get().model()).containsEntry("products", List.of(JAM));
		assertThat(catalog.limits).containsExactly(5);
		assertThat(catalog.locales).containsExactly(Locale.ENGLISH);
	}

	@Test
	void theNumberStaysBetweenTwoAndTwelve() {
		FakeCatalog catalog = new FakeCatalog(List.of(JAM));
		new FeaturedModule(catalog).render(context(Map.of()));
		new FeaturedModule(catalog).render(context(Map.of("count", "40")));
		new FeaturedModule(catalog).render(context(Map.of("count", "1")));
		assertThat(catalog.limits).as("default, too many, too few").containsExactly(8, 12, 2);
	}

	@Test
	void theDefaultsAreValidValues() {
		ModuleSettings defaults = new ModuleSettings(FeaturedModule.DESCRIPTOR, Map.of());
		assertThat(defaults.text("title")).isEqualTo("Nos coups de cœur");
		FeaturedModule.DESCRIPTOR.settings()
			.forEach((setting) -> assertThat(setting.check(defaults.text(setting.key()))).as(setting.key()).isEmpty());
		assertThat(FeaturedModule.DESCRIPTOR.setting("count").orElseThrow().check("13")).isPresent();
		assertThat(FeaturedModule.DESCRIPTOR.hooks()).containsExactly("displayHome", "displayCartSummary");
		assertThat(FeaturedModule.DESCRIPTOR.storesData()).isFalse();
	}

	private static HookContext context(Map<String, String> values) {
		return new HookContext("displayHome", Locale.ENGLISH, new ModuleSettings(FeaturedModule.DESCRIPTOR, values),
				null, null);
	}

	/** A catalog that remembers what it was asked. */
	private static final class FakeCatalog implements ShopCatalog {

		private final List<ProductTeaser> featured;

		private final List<Integer> limits = new ArrayList<>();

		private final List<Locale> locales = new ArrayList<>();

		FakeCatalog(List<ProductTeaser> featured) {
			this.featured = featured;
		}

		@Override
		public List<ProductTeaser> featured(int limit, Locale locale) {
			this.limits.add(limit);
			this.locales.add(locale);
			return this.featured;
		}

		@Override
		public Optional<ProductTeaser> product(long productId, Locale locale) {
			return Optional.empty();
		}

	}

}
