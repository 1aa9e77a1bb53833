package fr.dwwm.comptoir.module.builtin.banner;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.ModuleSettings;
import fr.dwwm.comptoir.module.api.ModuleView;
import fr.dwwm.comptoir.module.api.Setting;
import fr.dwwm.comptoir.module.api.ShopModule;

import org.springframework.stereotype.Component;

/**
 * Promotional banner: one sentence (and an optional link) above the header of every page,
 * shown only between its start and end dates when they are set, in the shop's time
 * (Paris): an editor prepares the sales banner in advance and it appears and disappears
 * on its own.
 */
@Component
class BannerModule implements ShopModule {

	static final String CODE = "banner";

	/** The time of the dates an editor types. */
	static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Paris");

	static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.of(CODE, "1.0.0")
		.hooks(List.of(DisplayHook.TOP), List.of(DisplayHook.HOME))
		.settings(Setting.text("message", 160, "Livraison offerte dès 60 € d'achats"),
				Setting.link("link", false, "/products"), Setting.dateTime("starts-at", false, ""),
				Setting.dateTime("ends-at", false, ""));

	private final Clock clock;

	BannerModule(Clock clock) {
		this.clock = clock;
	}

	@Override
	public ModuleDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public Optional<ModuleView> render(HookContext context) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), SHOP_ZONE);
		if (!showsAt(now, context.settings())) {
			return Optional.empty();
		}
		// An empty link: the banner is plain text.
		String link = safeLink(context.settings().text("link")).orElse("");
		return Optional.of(ModuleView.shareable("modules/banner/banner", Map.of("link", link)));
	}

	/**
	 * Checks the link once more before it goes into an {@code href}: the back-office
	 * refuses any other, but a value changed in the database by hand must not become a
	 * {@code javascript:} link.
	 * @param value the saved link, possibly empty
	 * @return the link if it is a path of the shop or an https address, else empty (the
	 * banner then shows without a link)
	 */
	static Optional<String> safeLink(String value) {
		boolean sitePath = value.startsWith("/") && !value.startsWith("//") && !value.contains("\\");
		return (sitePath || value.startsWith("https://")) ? Optional.of(value) : Optional.empty();
	}

	/**
	 * Tells whether the banner shows at a given time: from its start (included) to its
	 * end (excluded); a date left empty sets no limit on its side.
	 * @param now the time in the shop's zone
	 * @param settings the banner's settings
	 * @return whether it shows
	 */
	static boolean showsAt(LocalDateTime now, ModuleSettings settings) {
		Optional<LocalDateTime> start = settings.dateTime("starts-at");
		Optional<LocalDateTime> end = settings.dateTime("ends-at");
		boolean started = start.map((moment) -> !now.isBefore(moment)).orElse(true);
		boolean ended = end.map((moment) -> !now.isBefore(moment)).orElse(false);
		return started && !ended;
	}

}
