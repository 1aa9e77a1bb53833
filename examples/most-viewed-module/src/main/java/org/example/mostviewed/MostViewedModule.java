package org.example.mostviewed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.ModuleSettings;
import fr.dwwm.comptoir.module.api.ModuleView;
import fr.dwwm.comptoir.module.api.Setting;
import fr.dwwm.comptoir.module.api.ShopCatalog;
import fr.dwwm.comptoir.module.api.ShopEvent;
import fr.dwwm.comptoir.module.api.ShopModule;

/**
 * « Les plus consultés » : counts how often each product page is opened (action hook
 * {@code ProductViewed}) and shows the most viewed products on the home page (display hook
 * {@code displayHome}).
 *
 * <p>
 * The module of the tutorial in docs/modules.md, shipped as its own jar: it uses nothing
 * of the shop but {@code fr.dwwm.comptoir.module.api}.
 */
public class MostViewedModule implements ShopModule {

	static final String CODE = "most-viewed";

	private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.of(CODE, "1.0.0")
		.hooks(List.of(DisplayHook.HOME), List.of(DisplayHook.CART_SUMMARY, DisplayHook.ACCOUNT_DASHBOARD))
		.settings(Setting.text("title", 80, "Les plus consultés"), Setting.integer("count", 1, 12, 4))
		.storingData();

	private final ViewCounts counts;

	private final ShopCatalog catalog;

	public MostViewedModule(ViewCounts counts, ShopCatalog catalog) {
		this.counts = counts;
		this.catalog = catalog;
	}

	@Override
	public ModuleDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public Optional<ModuleView> render(HookContext context) {
		List<ShopCatalog.ProductTeaser> products = this.counts.mostViewed(context.settings().integer("count"))
			.stream()
			.map((id) -> this.catalog.product(id, context.locale()))
			.flatMap(Optional::stream)
			.toList();
		if (products.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new ModuleView("modules/most-viewed/home", Map.of("products", products)));
	}

	@Override
	public void onEvent(ShopEvent event, ModuleSettings settings) {
		if (event instanceof ShopEvent.ProductViewed viewed) {
			this.counts.add(viewed.productId());
		}
	}

}
