package fr.dwwm.comptoir.order;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.security.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promotion codes as staff manage them: list with their uses, create, edit with
 * optimistic locking (a form opened before someone else's change is refused, nothing
 * overwritten), deactivate and activate again. A code works from the first day at
 * midnight to the end of the last day, in the shop's time zone; its uses are counted by
 * the orders ({@link PromoCodes#use}), never typed. Every change is audited with its
 * before and after values.
 */
@Service
public class PromoCodeAdministration {

	private static final String COLUMNS = """
			SELECT id, code, kind, amount, starts_at, ends_at, minimum_basket_cents, max_uses, uses,
			       per_customer_limit, active, version
			FROM promo_code""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	PromoCodeAdministration(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Lists every code, the newest first.
	 * @return the codes with their uses
	 */
	@Transactional(readOnly = true)
	public List<PromoCode> all() {
		return this.jdbc.sql(COLUMNS + " ORDER BY active DESC, ends_at DESC, code")
			.query(PromoCodeAdministration::row)
			.list();
	}

	/**
	 * Finds a code.
	 * @param id the code's id
	 * @return the code, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<PromoCode> find(long id) {
		return this.jdbc.sql(COLUMNS + " WHERE id = :id")
			.param("id", id)
			.query(PromoCodeAdministration::row)
			.optional();
	}

	/**
	 * Creates a code.
	 * @param form what staff typed, validated
	 * @param staffId who creates it
	 * @return the new code's id, or the key of the message saying why not
	 */
	@Transactional
	public Result create(PromoCodeForm form, long staffId) {
		Optional<String> refusal = refusal(form);
		if (refusal.isPresent()) {
			return Result.refused(refusal.get());
		}
		try {
			long id = this.jdbc.sql("""
					INSERT INTO promo_code (code, kind, amount, starts_at, ends_at, minimum_basket_cents, max_uses,
					                        per_customer_limit, active)
					VALUES (:code, :kind, :amount, :startsAt, :endsAt, :minimum, :maxUses, :perCustomer, :active)
					RETURNING id""").paramSource(fields(form)).query(Long.class).single();
			this.audit.record("PROMO_CREATE", AuditLog.Outcome.SUCCESS, staffId, "promo:" + id,
					Map.of("after", values(form)));
			return Result.done(id);
		}
		catch (DuplicateKeyException ex) {
			return Result.refused("admin.promo.code.taken");
		}
	}

	/**
	 * Changes a code, if nobody changed it since the form was opened.
	 * @param id the code
	 * @param form what staff typed, validated, with the version it was opened from
	 * @param staffId who changes it
	 * @return the code's id, or the key of the message saying why not
	 */
	@Transactional
	public Result update(long id, PromoCodeForm form, long staffId) {
		Optional<String> refusal = refusal(form);
		if (refusal.isPresent()) {
			return Result.refused(refusal.get());
		}
		Optional<PromoCode> before = find(id);
		if (before.isEmpty()) {
			return Result.refused("admin.promo.not-found");
		}
		if (form.getMaxUses() != null && form.getMaxUses() < before.get().uses()) {
			return Result.refused("admin.promo.limit.below-uses");
		}
		int changed;
		try {
			changed = this.jdbc.sql("""
					UPDATE promo_code SET code = :code, kind = :kind, amount = :amount, starts_at = :startsAt,
					    ends_at = :endsAt, minimum_basket_cents = :minimum, max_uses = :maxUses,
					    per_customer_limit = :perCustomer, active = :active, version = version + 1
					WHERE id = :id AND version = :version""")
				.paramSource(fields(form).addValue("id", id).addValue("version", form.getVersion()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			return Result.refused("admin.promo.code.taken");
		}
		if (changed == 0) {
			return Result.refused("admin.promo.stale");
		}
		this.audit.record("PROMO_UPDATE", AuditLog.Outcome.SUCCESS, staffId, "promo:" + id,
				Map.of("before", values(PromoCodeForm.of(before.get())), "after", values(form)));
		return Result.done(id);
	}

	/**
	 * Switches a code off or on again, whatever its form says.
	 * @param id the code
	 * @param active whether it works
	 * @param staffId who asks
	 * @return whether the code exists
	 */
	@Transactional
	public boolean activate(long id, boolean active, long staffId) {
		boolean found = this.jdbc.sql("UPDATE promo_code SET active = :active, version = version + 1 WHERE id = :id")
			.param("active", active)
			.param("id", id)
			.update() == 1;
		if (found) {
			this.audit.record(active ? "PROMO_ACTIVATE" : "PROMO_DEACTIVATE", AuditLog.Outcome.SUCCESS, staffId,
					"promo:" + id, Map.of());
		}
		return found;
	}

	/** The rules a single field's constraint cannot say. */
	private static Optional<String> refusal(PromoCodeForm form) {
		if (form.getEndsOn().isBefore(form.getStartsOn())) {
			return Optional.of("admin.promo.dates.invalid");
		}
		if ("PERCENT".equals(form.getKind()) && form.getAmount().matches(".*[.,].*")) {
			// 12,5 %: a percentage is whole (read before it is turned into a number).
			return Optional.of("admin.promo.percent.invalid");
		}
		int amount = form.amountValue();
		if ("PERCENT".equals(form.getKind()) && (amount < 1 || amount > 100)) {
			return Optional.of("admin.promo.percent.invalid");
		}
		if ("FIXED".equals(form.getKind()) && amount < 1) {
			return Optional.of("admin.promo.amount.invalid");
		}
		return Optional.empty();
	}

	private static MapSqlParameterSource fields(PromoCodeForm form) {
		return new MapSqlParameterSource().addValue("code", form.getPromoCode().toUpperCase(Locale.ROOT))
			.addValue("kind", form.getKind())
			.addValue("amount", form.amountValue())
			.addValue("startsAt", Timestamp.from(form.getStartsOn().atStartOfDay(Invoices.SHOP_ZONE).toInstant()))
			.addValue("endsAt",
					Timestamp.from(form.getEndsOn().plusDays(1).atStartOfDay(Invoices.SHOP_ZONE).toInstant()))
			.addValue("minimum", form.minimumBasketCents())
			.addValue("maxUses", form.getMaxUses())
			.addValue("perCustomer", form.getPerCustomerLimit())
			.addValue("active", form.isActive());
	}

	private static Map<String, Object> values(PromoCodeForm form) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("code", form.getPromoCode().toUpperCase(Locale.ROOT));
		values.put("kind", form.getKind());
		values.put("amount", form.getAmount());
		values.put("startsOn", form.getStartsOn().toString());
		values.put("endsOn", form.getEndsOn().toString());
		values.put("minimumBasket", form.getMinimumBasket());
		values.put("maxUses", form.getMaxUses());
		values.put("perCustomerLimit", form.getPerCustomerLimit());
		values.put("active", form.isActive());
		return values;
	}

	private static PromoCode row(java.sql.ResultSet row, int number) throws java.sql.SQLException {
		return new PromoCode(row.getLong("id"), row.getString("code"), row.getString("kind"), row.getInt("amount"),
				row.getTimestamp("starts_at").toInstant().atZone(Invoices.SHOP_ZONE).toLocalDate(),
				row.getTimestamp("ends_at").toInstant().atZone(Invoices.SHOP_ZONE).toLocalDate().minusDays(1),
				row.getInt("minimum_basket_cents"), (Integer) row.getObject("max_uses"), row.getInt("uses"),
				(Integer) row.getObject("per_customer_limit"), row.getBoolean("active"), row.getInt("version"));
	}

	/**
	 * A code as the back office shows it.
	 *
	 * @param id its id
	 * @param code what customers type
	 * @param kind {@code PERCENT} or {@code FIXED}
	 * @param amount per cent, or cents
	 * @param startsOn its first day
	 * @param endsOn its last day, included
	 * @param minimumBasketCents the smallest basket it applies to
	 * @param maxUses how many orders may use it, or {@code null}
	 * @param uses how many did
	 * @param perCustomerLimit how many times one customer may use it, or {@code null}
	 * @param active whether it works
	 * @param version its version, for the form
	 */
	public record PromoCode(long id, String code, String kind, int amount, LocalDate startsOn, LocalDate endsOn,
			int minimumBasketCents, Integer maxUses, int uses, Integer perCustomerLimit, boolean active, int version) {
	}

	/**
	 * What became of a form.
	 *
	 * @param id the code, when done
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
