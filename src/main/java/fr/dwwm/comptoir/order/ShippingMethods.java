package fr.dwwm.comptoir.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import fr.dwwm.comptoir.account.Country;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery methods offered for a parcel: each active method whose price grid takes
 * the parcel's weight to the delivery country ({@link ShippingBand}), priced by that
 * grid, and free from the method's threshold, counted on the goods after discount.
 */
@Service
public class ShippingMethods {

	private final JdbcClient jdbc;

	ShippingMethods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Lists the methods that deliver a parcel, in display order, priced for it.
	 * @param goodsAfterDiscountCents the goods after discount, VAT included
	 * @param weightGrams the parcel's weight
	 * @param country the delivery country
	 * @return the options, empty when no method takes this parcel there
	 */
	@Transactional(readOnly = true)
	public List<Option> options(long goodsAfterDiscountCents, long weightGrams, Country country) {
		Map<Long, Method> methods = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT m.id, m.code, m.name, m.description, m.free_from_cents, m.min_days, m.max_days,
				       r.max_weight_grams, r.price_cents
				FROM shipping_method m JOIN shipping_rate r ON r.shipping_method_id = m.id AND r.country = :country
				WHERE m.active ORDER BY m.position, m.id, r.max_weight_grams""")
			.param("country", country.name())
			.query((row) -> {
				long id = row.getLong("id");
				Method method = methods.get(id);
				if (method == null) {
					method = new Method(id, row.getString("code"), row.getString("name"), row.getString("description"),
							(Integer) row.getObject("free_from_cents"), row.getInt("min_days"), row.getInt("max_days"),
							new ArrayList<>());
					methods.put(id, method);
				}
				method.bands().add(new ShippingBand(row.getInt("max_weight_grams"), row.getInt("price_cents")));
			});
		List<Option> options = new ArrayList<>();
		for (Method method : methods.values()) {
			OptionalLong price = ShippingBand.priceFor(method.bands(), weightGrams);
			if (price.isEmpty()) {
				continue;
			}
			boolean free = method.freeFromCents() != null && goodsAfterDiscountCents >= method.freeFromCents();
			options.add(new Option(method.id(), method.code(), method.name(), method.description(),
					free ? 0 : price.getAsLong(), price.getAsLong(), method.freeFromCents(), method.minDays(),
					method.maxDays()));
		}
		return options;
	}

	private record Method(long id, String code, String name, String description, Integer freeFromCents, int minDays,
			int maxDays, List<ShippingBand> bands) {
	}

	/**
	 * A delivery method priced for a basket.
	 *
	 * @param id its id
	 * @param code its code, the form's value
	 * @param name its name
	 * @param description what it offers
	 * @param priceCents what it costs for this basket
	 * @param listPriceCents what it costs for this parcel below its threshold
	 * @param freeFromCents the basket from which it is free, or {@code null}
	 * @param minDays shortest delivery, in working days
	 * @param maxDays longest delivery
	 */
	public record Option(long id, String code, String name, String description, long priceCents, long listPriceCents,
			Integer freeFromCents, int minDays, int maxDays) {
	}

}
