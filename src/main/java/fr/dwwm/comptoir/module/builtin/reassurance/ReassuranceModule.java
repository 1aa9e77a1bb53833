package fr.dwwm.comptoir.module.builtin.reassurance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.ModuleView;
import fr.dwwm.comptoir.module.api.Setting;
import fr.dwwm.comptoir.module.api.ShopModule;

import org.springframework.stereotype.Component;

/**
 * Reassurance: the shop's three promises (secure payment, delivery time, returns), each
 * with its icon, where a customer hesitates: under the add-to-cart form and under the
 * cart's totals. Each promise's text is a setting.
 */
@Component
class ReassuranceModule implements ShopModule {

	static final String CODE = "reassurance";

	/** The longest text of a promise: it must fit on one line beside its icon. */
	static final int MAX_LENGTH = 80;

	static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.of(CODE, "1.0.0")
		.hooks(List.of(DisplayHook.PRODUCT_ADDITIONAL_INFO, DisplayHook.CART_SUMMARY),
				List.of(DisplayHook.HOME, DisplayHook.FOOTER))
		.settings(Setting.text("payment", MAX_LENGTH, "Paiement sécurisé"),
				Setting.text("delivery", MAX_LENGTH, "Livraison en 48 h"),
				Setting.text("returns", MAX_LENGTH, "Retours sous 14 jours"));

	@Override
	public ModuleDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public Optional<ModuleView> render(HookContext context) {
		return Optional.of(ModuleView.shareable("modules/reassurance/promises", Map.of()));
	}

}
