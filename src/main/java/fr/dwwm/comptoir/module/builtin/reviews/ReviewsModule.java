package fr.dwwm.comptoir.module.builtin.reviews;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.ModuleSettings;
import fr.dwwm.comptoir.module.api.ModuleView;
import fr.dwwm.comptoir.module.api.Setting;
import fr.dwwm.comptoir.module.api.ShopEvent;
import fr.dwwm.comptoir.module.api.ShopModule;

import org.springframework.stereotype.Component;

/**
 * Product reviews: customers rate a product from 1 to 5 with a title and a comment; staff
 * approve or reject each review before it shows (unless moderation is turned off); the
 * product page shows the average rating and the latest approved reviews, a review by
 * someone who bought the product through the shop marked « Achat vérifié ».
 */
@Component
class ReviewsModule implements ShopModule {

	static final String CODE = "reviews";

	static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.of(CODE, "1.1.0")
		.hooks(List.of(DisplayHook.PRODUCT_ADDITIONAL_INFO), List.of())
		.settings(Setting.flag("moderation", true), Setting.integer("shown", 1, 50, 10))
		.storingData();

	private final Reviews reviews;

	ReviewsModule(Reviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public ModuleDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public Optional<ModuleView> render(HookContext context) {
		OptionalLong product = context.subject();
		if (product.isEmpty()) {
			return Optional.empty();
		}
		long productId = product.getAsLong();
		Map<String, Object> model = new HashMap<>();
		model.put("productId", productId);
		model.put("summary", this.reviews.approved(productId, context.settings().integer("shown")));
		model.put("signedIn", context.signedInCustomer().isPresent());
		model.put("alreadyReviewed",
				context.signedInCustomer()
					.map((customer) -> this.reviews.hasReviewed(customer.accountId(), productId))
					.orElse(false));
		return Optional.of(new ModuleView("modules/reviews/product", model));
	}

	@Override
	public void onEvent(ShopEvent event, ModuleSettings settings) {
		if (event instanceof ShopEvent.OrderPlaced placed && placed.accountId() != null) {
			this.reviews.recordPurchase(placed.accountId(), placed.productIds());
		}
	}

}
