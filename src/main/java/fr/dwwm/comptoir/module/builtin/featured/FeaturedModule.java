package fr.dwwm.comptoir.module.builtin.featured;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.ModuleView;
import fr.dwwm.comptoir.module.api.Setting;
import fr.dwwm.comptoir.module.api.ShopCatalog;
import fr.dwwm.comptoir.module.api.ShopModule;

import org.springframework.stereotype.Component;

/**
 * Featured products carousel: the products marked as featured in the catalog, as cards in
 * a row that scrolls sideways (CSS scroll snapping), with "previous" and "next" buttons
 * added by {@code static/modules/featured/carousel.js}. Nothing shows when no product is
 * featured.
 */
@Component
class FeaturedModule implements ShopModule {

	static final String CODE = "featured";

	/** The fewest and most products shown: fewer than two is not a carousel. */
	static final int MIN_COUNT = 2;

	static final int MAX_COUNT = 12;

	static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.of(CODE, "1.0.0")
		.hooks(List.of(DisplayHook.HOME), List.of(DisplayHook.CART_SUMMARY))
		.settings(Setting.text("title", 80, "Nos coups de cœur"), Setting.integer("count", MIN_COUNT, MAX_COUNT, 8));

	private final ShopCatalog catalog;

	FeaturedModule(ShopCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public ModuleDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public Optional<ModuleView> render(HookContext context) {
		int count = Math.max(MIN_COUNT, Math.min(context.settings().integer("count"), MAX_COUNT));
		List<ShopCatalog.ProductTeaser> products = this.catalog.featured(count, context.locale());
		if (products.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new ModuleView("modules/featured/carousel", Map.of("products", products)));
	}

}
