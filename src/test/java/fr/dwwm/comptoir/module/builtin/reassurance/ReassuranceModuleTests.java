package fr.dwwm.comptoir.module.builtin.reassurance;

import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleSettings;
import fr.dwwm.comptoir.module.api.ModuleView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reassurance block: where it goes, what it says by default, what an editor may
 * write.
 */
class ReassuranceModuleTests {

	@Test
	void itIsPlacedOnTheProductPageAndInTheCart() {
		assertThat(ReassuranceModule.DESCRIPTOR.hooks()).containsExactly("displayProductAdditionalInfo",
				"displayCartSummary", "displayHome", "displayFooter");
		assertThat(ReassuranceModule.DESCRIPTOR.defaultHooks()).isEqualTo(2);
		assertThat(ReassuranceModule.DESCRIPTOR.storesData()).isFalse();
	}

	@Test
	void itSaysTheShopsThreePromisesByDefault() {
		ModuleSettings defaults = new ModuleSettings(ReassuranceModule.DESCRIPTOR, Map.of());
		assertThat(defaults.all()).containsExactly(Map.entry("payment", "Paiement sécurisé"),
				Map.entry("delivery", "Livraison en 48 h"), Map.entry("returns", "Retours sous 14 jours"));
		assertThat(new ReassuranceModule()
			.render(new HookContext("displayCartSummary", Locale.FRENCH, defaults, null, null))).get()
			.extracting(ModuleView::template)
			.isEqualTo("modules/reassurance/promises");
	}

	@Test
	void eachPromiseIsOneShortLine() {
		ReassuranceModule.DESCRIPTOR.settings().forEach((setting) -> {
			assertThat(setting.check("x".repeat(80))).as(setting.key()).isEmpty();
			assertThat(setting.check("x".repeat(81))).as(setting.key()).hasValue("module.setting.too-long");
			assertThat(setting.check("")).as(setting.key()).hasValue("module.setting.required");
		});
	}

}
