package fr.dwwm.comptoir.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.dwwm.comptoir.security.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shipping methods in the back office (tables {@code shipping_method} and
 * {@code shipping_rate}, owned here): list them in the checkout's order, create, change
 * (refused when someone else saved the method since the form was opened), reorder, switch
 * off and on. A method's grid is replaced as a whole with the method, in one transaction.
 * Every change is written to the audit log with the values before and after. Orders keep
 * their own copy of the method's name and price: changing a method changes no order
 * already placed.
 */
@Service
public class ShippingAdministration {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ShippingAdministration(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Lists every method in the checkout's order, the inactive ones included.
	 * @return the methods with their grids
	 */
	@Transactional(readOnly = true)
	public List<Method> all() {
		return read("", Map.of());
	}

	/**
	 * Finds a method.
	 * @param id the method's id
	 * @return the method with its grid, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Method> find(long id) {
		return read("WHERE m.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/**
	 * Creates a method, last in the checkout's order.
	 * @param form what staff typed, checked
	 * @param staffId who creates it
	 * @return the new method's id, or the key of the message saying why not
	 */
	@Transactional
	public Result create(ShippingMethodForm form, long staffId) {
		if (form.getShippingCode() == null || form.getShippingCode().isBlank()) {
			return Result.refused("admin.shipping.code.invalid");
		}
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO shipping_method (code, name, description, free_from_cents, min_days, max_days, position,
					                             active)
					VALUES (:code, :name, :description, :freeFrom, :minDays, :maxDays,
					        (SELECT coalesce(max(position), 0) + 1 FROM shipping_method), :active)
					RETURNING id""")
				.paramSource(fields(form).addValue("code", form.getShippingCode()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			return Result.refused("admin.shipping.code.taken");
		}
		replaceBands(id, form.bands());
		this.audit.record("SHIPPING_CREATE", AuditLog.Outcome.SUCCESS, staffId, "shipping:" + id,
				Map.of("after", values(find(id).orElseThrow())));
		return Result.done(id);
	}

	/**
	 * Changes a method and replaces its grid, if nobody saved it since the form was
	 * opened.
	 * @param id the method
	 * @param form what staff typed, checked, with the version it was opened from
	 * @param staffId who changes it
	 * @return the method's id, or the key of the message saying why not
	 */
	@Transactional
	public Result update(long id, ShippingMethodForm form, long staffId) {
		Optional<Method> before = find(id);
		if (before.isEmpty()) {
			return Result.refused("admin.shipping.not-found");
		}
		int changed = this.jdbc.sql("""
				UPDATE shipping_method SET name = :name, description = :description, free_from_cents = :freeFrom,
				    min_days = :minDays, max_days = :maxDays, active = :active, version = version + 1
				WHERE id = :id AND version = :version""")
			.paramSource(fields(form).addValue("id", id).addValue("version", form.getVersion()))
			.update();
		if (changed == 0) {
			return Result.refused("admin.shipping.stale");
		}
		replaceBands(id, form.bands());
		this.audit.record("SHIPPING_UPDATE", AuditLog.Outcome.SUCCESS, staffId, "shipping:" + id,
				AuditLog.changes(values(before.get()), values(find(id).orElseThrow())));
		return Result.done(id);
	}

	/**
	 * Switches a method off or on again: off, the checkout no longer offers it.
	 * @param id the method
	 * @param active whether it is offered
	 * @param staffId who asks
	 * @return whether the method exists
	 */
	@Transactional
	public boolean activate(long id, boolean active, long staffId) {
		boolean found = this.jdbc
			.sql("UPDATE shipping_method SET active = :active, version = version + 1 WHERE id = :id")
			.param("active", active)
			.param("id", id)
			.update() == 1;
		if (found) {
			this.audit.record(active ? "SHIPPING_ACTIVATE" : "SHIPPING_DEACTIVATE", AuditLog.Outcome.SUCCESS, staffId,
					"shipping:" + id, Map.of());
		}
		return found;
	}

	/**
	 * Moves a method one place up or down in the checkout's order. The methods are
	 * numbered again from 1 under a lock, so two moves at once cannot give two methods
	 * one place.
	 * @param id the method
	 * @param up towards the top when true
	 * @param staffId who asks
	 * @return whether the method exists
	 */
	@Transactional
	public boolean move(long id, boolean up, long staffId) {
		List<Long> order = new ArrayList<>(
				this.jdbc.sql("SELECT id FROM shipping_method ORDER BY position, id FOR UPDATE")
					.query(Long.class)
					.list());
		int index = order.indexOf(id);
		if (index < 0) {
			return false;
		}
		int target = up ? index - 1 : index + 1;
		if (target >= 0 && target < order.size()) {
			order.set(index, order.get(target));
			order.set(target, id);
		}
		for (int position = 0; position < order.size(); position++) {
			this.jdbc.sql("UPDATE shipping_method SET position = :position WHERE id = :id")
				.param("position", position + 1)
				.param("id", order.get(position))
				.update();
		}
		this.audit.record("SHIPPING_MOVE", AuditLog.Outcome.SUCCESS, staffId, "shipping:" + id,
				Map.of("before", index + 1, "after", order.indexOf(id) + 1));
		return true;
	}

	private void replaceBands(long methodId, List<Band> bands) {
		this.jdbc.sql("DELETE FROM shipping_rate WHERE shipping_method_id = :id").param("id", methodId).update();
		for (Band band : bands) {
			this.jdbc.sql("""
					INSERT INTO shipping_rate (shipping_method_id, country, max_weight_grams, price_cents)
					VALUES (:id, :country, :weight, :price)""")
				.param("id", methodId)
				.param("country", band.country())
				.param("weight", band.maxWeightGrams())
				.param("price", band.priceCents())
				.update();
		}
	}

	private List<Method> read(String where, Map<String, Object> params) {
		Map<Long, Method> methods = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT m.id, m.code, m.name, m.description, m.free_from_cents, m.min_days, m.max_days, m.position,
				       m.active, m.version, r.country, r.max_weight_grams, r.price_cents
				FROM shipping_method m LEFT JOIN shipping_rate r ON r.shipping_method_id = m.id
				""" + where + " ORDER BY m.position, m.id, r.country, r.max_weight_grams")
			.params(params)
			.query((row) -> {
				long id = row.getLong("id");
				Method method = methods.get(id);
				if (method == null) {
					method = new Method(id, row.getString("code"), row.getString("name"), row.getString("description"),
							(Integer) row.getObject("free_from_cents"), row.getInt("min_days"), row.getInt("max_days"),
							row.getInt("position"), row.getBoolean("active"), row.getInt("version"), new ArrayList<>());
					methods.put(id, method);
				}
				if (row.getString("country") != null) {
					method.bands()
						.add(new Band(row.getString("country"), row.getInt("max_weight_grams"),
								row.getInt("price_cents")));
				}
			});
		return List.copyOf(methods.values());
	}

	private static MapSqlParameterSource fields(ShippingMethodForm form) {
		return new MapSqlParameterSource().addValue("name", form.getName().strip())
			.addValue("description", (form.getDescription() != null) ? form.getDescription().strip() : "")
			.addValue("freeFrom", form.freeFromCents())
			.addValue("minDays", form.getMinDays())
			.addValue("maxDays", form.getMaxDays())
			.addValue("active", form.isActive());
	}

	private static Map<String, Object> values(Method method) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", method.name());
		values.put("description", method.description());
		values.put("freeFromCents", method.freeFromCents());
		values.put("days", method.minDays() + "-" + method.maxDays());
		values.put("active", method.active());
		values.put("bands",
				method.bands()
					.stream()
					.map((band) -> band.country() + " <= " + band.maxWeightGrams() + " g: " + band.priceCents())
					.collect(Collectors.joining("; ")));
		return values;
	}

	/**
	 * A method as the back office shows it.
	 *
	 * @param id its id
	 * @param code its code, the checkout form's value
	 * @param name its name
	 * @param description what it offers
	 * @param freeFromCents the basket from which it is free, or {@code null}
	 * @param minDays shortest delivery, in working days
	 * @param maxDays longest delivery
	 * @param position its place at the checkout
	 * @param active whether the checkout offers it
	 * @param version its version, for the form
	 * @param bands its price grid, by country then weight
	 */
	public record Method(long id, String code, String name, String description, Integer freeFromCents, int minDays,
			int maxDays, int position, boolean active, int version, List<Band> bands) {

		/**
		 * Lists the countries the method delivers to.
		 * @return their codes, in the grid's order
		 */
		public List<String> countries() {
			return this.bands.stream().map(Band::country).distinct().toList();
		}

	}

	/**
	 * A band of a grid.
	 *
	 * @param country the delivery country's code
	 * @param maxWeightGrams the heaviest parcel of the band
	 * @param priceCents its price, VAT included
	 */
	public record Band(String country, int maxWeightGrams, int priceCents) {
	}

	/**
	 * What became of a form.
	 *
	 * @param id the method, when done
	 * @param refusal the key of the message saying why not, or {@code null}
	 */
	public record Result(Long id, String refusal) {

		static Result done(long id) {
			return new Result(id, null);
		}

		static Result refused(String key) {
			return new Result(null, key);
		}

	}

}
