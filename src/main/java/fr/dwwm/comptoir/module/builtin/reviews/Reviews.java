package fr.dwwm.comptoir.module.builtin.reviews;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviews' data, in the module's schema {@code module_reviews}.
 */
@Component
class Reviews {

	private final JdbcClient jdbc;

	Reviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The approved reviews of a product, the newest first, with the average of all of
	 * them, in one query.
	 * @param productId the product
	 * @param limit how many reviews to list
	 * @return the summary
	 */
	Summary approved(long productId, int limit) {
		List<Row> rows = this.jdbc.sql("""
				SELECT id, author_name, rating, title, body, verified, created_at,
				       avg(rating) OVER () AS average, count(*) OVER () AS total
				FROM module_reviews.review
				WHERE product_id = :product AND status = 'APPROVED'
				ORDER BY created_at DESC, id DESC""")
			.param("product", productId)
			.query((row, number) -> new Row(
					new Review(row.getLong("id"), row.getString("author_name"), row.getInt("rating"),
							row.getString("title"), row.getString("body"), row.getBoolean("verified"),
							row.getTimestamp("created_at").toInstant()),
					row.getBigDecimal("average"), row.getInt("total")))
			.list();
		if (rows.isEmpty()) {
			return new Summary(BigDecimal.ZERO, 0, List.of());
		}
		return new Summary(rows.get(0).average().setScale(1, RoundingMode.HALF_UP), rows.get(0).total(),
				rows.stream().limit(limit).map(Row::review).toList());
	}

	boolean hasReviewed(long accountId, long productId) {
		return this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM module_reviews.review WHERE account_id = :account AND product_id = :product)")
			.param("account", accountId)
			.param("product", productId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Saves a new review.
	 * @param productId the product
	 * @param accountId the customer
	 * @param authorName the name shown
	 * @param form the checked form
	 * @param approved whether it shows at once (moderation off)
	 * @return whether it was saved (false: the customer already reviewed the product)
	 */
	@Transactional
	boolean add(long productId, long accountId, String authorName, ReviewForm form, boolean approved) {
		try {
			this.jdbc.sql("""
					INSERT INTO module_reviews.review (product_id, account_id, author_name, rating, title, body,
					                                   verified, status, moderated_at)
					VALUES (:product, :account, :author, :rating, :title, :body,
					        EXISTS (SELECT 1 FROM module_reviews.purchase
					                WHERE account_id = :account AND product_id = :product),
					        :status, CASE WHEN :approved THEN now() END)""")
				.param("product", productId)
				.param("account", accountId)
				.param("author", authorName)
				.param("rating", form.getRating())
				.param("title", form.getTitle().strip())
				.param("body", form.getBody().strip())
				.param("status", approved ? "APPROVED" : "PENDING")
				.param("approved", approved)
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	void recordPurchase(long accountId, List<Long> productIds) {
		for (Long productId : productIds) {
			this.jdbc.sql("""
					INSERT INTO module_reviews.purchase (account_id, product_id)
					SELECT :account, :product WHERE EXISTS (SELECT 1 FROM public.product WHERE id = :product)
					ON CONFLICT DO NOTHING""").param("account", accountId).param("product", productId).update();
		}
	}

	/**
	 * Reviews for the moderation screen: those waiting first, then the latest.
	 * @param status the status to list
	 * @param limit how many
	 * @return the reviews with their product id
	 */
	List<Moderated> withStatus(String status, int limit) {
		return this.jdbc.sql("""
				SELECT id, product_id, author_name, rating, title, body, verified, created_at
				FROM module_reviews.review WHERE status = :status
				ORDER BY created_at DESC, id DESC LIMIT :limit""")
			.param("status", status)
			.param("limit", limit)
			.query((row, number) -> new Moderated(row.getLong("product_id"),
					new Review(row.getLong("id"), row.getString("author_name"), row.getInt("rating"),
							row.getString("title"), row.getString("body"), row.getBoolean("verified"),
							row.getTimestamp("created_at").toInstant())))
			.list();
	}

	/**
	 * Approves or rejects a review waiting for moderation.
	 * @param reviewId the review
	 * @param approve whether to publish it
	 * @return the product of the review, if it was waiting
	 */
	@Transactional
	Optional<Long> moderate(long reviewId, boolean approve) {
		return this.jdbc.sql("""
				UPDATE module_reviews.review SET status = :status, moderated_at = now()
				WHERE id = :id AND status = 'PENDING' RETURNING product_id""")
			.param("status", approve ? "APPROVED" : "REJECTED")
			.param("id", reviewId)
			.query(Long.class)
			.optional();
	}

	/**
	 * A review as shown.
	 *
	 * @param id its id
	 * @param authorName who wrote it
	 * @param rating 1 to 5
	 * @param title its title
	 * @param body its text
	 * @param verified whether its author bought the product here
	 * @param createdAt when it was written
	 */
	record Review(long id, String authorName, int rating, String title, String body, boolean verified,
			Instant createdAt) {

		/**
		 * The day it was written, in the shop's time zone.
		 * @return the date
		 */
		public java.time.LocalDate day() {
			return this.createdAt.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
		}

	}

	/**
	 * The reviews shown on a product page.
	 *
	 * @param average the average rating, one decimal
	 * @param count how many approved reviews
	 * @param latest the latest ones
	 */
	record Summary(BigDecimal average, int count, List<Review> latest) {

		/**
		 * The average rounded to the nearest whole star, for the stars drawn.
		 * @return 0 to 5
		 */
		public int stars() {
			return this.average.setScale(0, RoundingMode.HALF_UP).intValue();
		}

	}

	/**
	 * A review on the moderation screen.
	 *
	 * @param productId its product
	 * @param review the review
	 */
	record Moderated(long productId, Review review) {

	}

	private record Row(Review review, BigDecimal average, int total) {

	}

}
