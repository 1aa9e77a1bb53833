package fr.dwwm.comptoir.module.builtin.contact;

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
 * Contact form: a page {@code /contact} ({@link ContactController}) where visitors write
 * to the shop, each message kept and mailed to the address of the setting
 * {@code recipient}; a link to it in the footer of every page.
 */
@Component
class ContactModule implements ShopModule {

	static final String CODE = "contact";

	static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.of(CODE, "1.0.0")
		.hooks(List.of(DisplayHook.FOOTER), List.of())
		.settings(Setting.text("recipient", 254, "contact@comptoir.test"))
		.storingData();

	@Override
	public ModuleDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public Optional<ModuleView> render(HookContext context) {
		return Optional.of(ModuleView.shareable("modules/contact/link", Map.of()));
	}

}
