package org.example.mostviewed;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The views of each product, in the module's own schema {@code module_most_viewed}.
 */
public class ViewCounts {

	private final JdbcClient jdbc;

	public ViewCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long productId) {
		this.jdbc.sql("""
				INSERT INTO module_most_viewed.view_count (product_id, views) VALUES (:product, 1)
				ON CONFLICT (product_id) DO UPDATE SET views = view_count.views + 1""").param("product", productId).update();
	}

	List<Long> mostViewed(int count) {
		return this.jdbc
			.sql("SELECT product_id FROM module_most_viewed.view_count ORDER BY views DESC, product_id LIMIT :count")
			.param("count", count)
			.query(Long.class)
			.list();
	}

}
