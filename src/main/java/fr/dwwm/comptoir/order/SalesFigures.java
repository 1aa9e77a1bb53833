package fr.dwwm.comptoir.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the back-office dashboard, each computed by one SQL query (aggregates,
 * {@code generate_series} for the days without sales), never by loading orders into
 * memory. Revenue counts the orders paid and not given back, VAT included.
 */
@Service
public class SalesFigures {

	/** Statuses of orders whose money the shop keeps. */
	private static final String KEPT = "('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED')";

	private final JdbcClient jdbc;

	private final Clock clock;

	SalesFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Sums up a period ending now.
	 * @param days the period's length
	 * @return revenue, orders, average basket and carts converted
	 */
	@Transactional(readOnly = true)
	public Summary summary(int days) {
		Timestamp since = Timestamp.from(this.clock.instant().minus(Duration.ofDays(days)));
		return this.jdbc
			.sql("""
					SELECT coalesce(sum(total_cents) FILTER (WHERE status IN\s""" + KEPT + """
					), 0) AS revenue,
					       count(*) FILTER (WHERE status IN\s""" + KEPT
					+ """
							) AS orders,
							       (SELECT count(*) FROM cart WHERE created_at >= :since) AS carts,
							       (SELECT count(*) FROM cart WHERE created_at >= :since AND checked_out_at IS NOT NULL) AS converted
							FROM customer_order WHERE placed_at >= :since""")
			.param("since", since)
			.query((row, number) -> new Summary(days, row.getLong("revenue"), row.getLong("orders"),
					row.getLong("carts"), row.getLong("converted")))
			.single();
	}

	/**
	 * Revenue and orders per day, days without sales included.
	 * @param days how many days back from today
	 * @return one entry per day, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Day> perDay(int days) {
		return this.jdbc.sql("""
				SELECT d::date AS day, coalesce(sum(o.total_cents), 0) AS revenue, count(o.id) AS orders
				FROM generate_series((:today::date - (:days - 1)), :today::date, interval '1 day') d
				LEFT JOIN customer_order o ON (o.placed_at AT TIME ZONE 'Europe/Paris')::date = d::date
				                          AND o.status IN\s""" + KEPT + """

				GROUP BY d ORDER BY d""")
			.param("today", LocalDate.now(this.clock.withZone(Invoices.SHOP_ZONE)))
			.param("days", days)
			.query((row, number) -> new Day(row.getDate("day").toLocalDate(), row.getLong("revenue"),
					row.getLong("orders")))
			.list();
	}

	/**
	 * The best-selling products over a period.
	 * @param days the period's length
	 * @param limit how many
	 * @return products with units sold and revenue, best first
	 */
	@Transactional(readOnly = true)
	public List<TopProduct> topProducts(int days, int limit) {
		return this.jdbc.sql("""
				SELECT l.product_name AS name, sum(l.quantity) AS units, sum(l.line_total_cents) AS revenue
				FROM order_line l JOIN customer_order o ON o.id = l.order_id
				WHERE o.placed_at >= :since AND o.status IN\s""" + KEPT + """

				GROUP BY l.product_name ORDER BY units DESC, revenue DESC, name LIMIT :limit""")
			.param("since", Timestamp.from(this.clock.instant().minus(Duration.ofDays(days))))
			.param("limit", limit)
			.query((row, number) -> new TopProduct(row.getString("name"), row.getLong("units"), row.getLong("revenue")))
			.list();
	}

	/**
	 * A period's figures.
	 *
	 * @param days the period's length
	 * @param revenueCents paid and kept, VAT included
	 * @param orders orders paid and kept
	 * @param carts carts opened
	 * @param convertedCarts carts that became an order
	 */
	public record Summary(int days, long revenueCents, long orders, long carts, long convertedCarts) {

		/**
		 * Returns the average basket.
		 * @return revenue divided by orders, rounded to the cent, 0 without orders
		 */
		public long averageBasketCents() {
			return (this.orders == 0) ? 0 : (this.revenueCents + this.orders / 2) / this.orders;
		}

		/**
		 * Returns the share of carts that became orders.
		 * @return per cent, one decimal
		 */
		public double conversionPercent() {
			return (this.carts == 0) ? 0 : Math.round(1000.0 * this.convertedCarts / this.carts) / 10.0;
		}

	}

	/**
	 * One day of sales.
	 *
	 * @param day the date, in the shop's time zone
	 * @param revenueCents revenue
	 * @param orders orders
	 */
	public record Day(LocalDate day, long revenueCents, long orders) {
	}

	/**
	 * A best seller.
	 *
	 * @param name product name
	 * @param units units sold
	 * @param revenueCents revenue
	 */
	public record TopProduct(String name, long units, long revenueCents) {
	}

}
