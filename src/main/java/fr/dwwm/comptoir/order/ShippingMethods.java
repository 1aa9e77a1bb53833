package fr.dwwm.comptoir.order;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery methods offered at checkout, with their price for a given basket: a method
 * becomes free from its threshold, counted on the goods after discount.
 */
@Service
public class ShippingMethods {

	private final JdbcClient jdbc;

	ShippingMethods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Lists the active methods, in display order, priced for a basket.
	 * @param goodsAfterDiscountCents the goods after discount, VAT included
	 * @return the options
	 */
	@Transactional(readOnly = true)
	public List<Option> options(long goodsAfterDiscountCents) {
		return this.jdbc.sql("""
				SELECT id, code, name, description, price_cents, free_from_cents, min_days, max_days
				FROM shipping_method WHERE active ORDER BY position, id""").query((row, number) -> {
			Integer freeFrom = (Integer) row.getObject("free_from_cents");
			int price = row.getInt("price_cents");
			boolean free = freeFrom != null && goodsAfterDiscountCents >= freeFrom;
			return new Option(row.getLong("id"), row.getString("code"), row.getString("name"),
					row.getString("description"), free ? 0 : price, price, freeFrom, row.getInt("min_days"),
					row.getInt("max_days"));
		}).list();
	}

	/**
	 * A delivery method priced for a basket.
	 *
	 * @param id its id
	 * @param code its code, the form's value
	 * @param name its name
	 * @param description what it offers
	 * @param priceCents what it costs for this basket
	 * @param listPriceCents what it costs below its threshold
	 * @param freeFromCents the basket from which it is free, or {@code null}
	 * @param minDays shortest delivery, in working days
	 * @param maxDays longest delivery
	 */
	public record Option(long id, String code, String name, String description, long priceCents, long listPriceCents,
			Integer freeFromCents, int minDays, int maxDays) {
	}

}
