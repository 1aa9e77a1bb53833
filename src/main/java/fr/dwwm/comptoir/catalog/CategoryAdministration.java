package fr.dwwm.comptoir.catalog;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.dwwm.comptoir.system.AfterCommit;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category tree as the back-office edits it: create, rename, move under another
 * parent, reorder among siblings, publish or hide. The database refuses a move that would
 * make a cycle (trigger {@code category_no_cycle}); this service turns that refusal into
 * a message. The storefront's cached tree is forgotten after each change, once it is
 * committed ({@link AfterCommit}): forgotten inside the transaction, it would be read
 * again at once by another visitor's page, as it was before the change, and kept until it
 * expires.
 */
@Service
public class CategoryAdministration {

	private final JdbcClient jdbc;

	private final Categories categories;

	CategoryAdministration(JdbcClient jdbc, Categories categories) {
		this.jdbc = jdbc;
		this.categories = categories;
	}

	/**
	 * Lists every category, published or not, depth first, siblings in their order.
	 * @return the tree as a list, with each category's depth
	 */
	@Transactional(readOnly = true)
	public List<Row> all() {
		return this.jdbc.sql("""
				WITH RECURSIVE tree(id, parent_id, name, slug, active, position, depth, path) AS (
				    SELECT id, parent_id, name, slug, active, position, 0, ARRAY[position, id]
				    FROM category WHERE parent_id IS NULL
				    UNION ALL
				    SELECT c.id, c.parent_id, c.name, c.slug, c.active, c.position, t.depth + 1,
				           t.path || ARRAY[c.position, c.id]
				    FROM category c JOIN tree t ON c.parent_id = t.id)
				SELECT t.id, t.parent_id, t.name, t.slug, t.active, t.depth,
				       (SELECT count(*) FROM product p WHERE p.category_id = t.id) AS products
				FROM tree t ORDER BY t.path""")
			.query((row, number) -> new Row(row.getLong("id"), (Long) row.getObject("parent_id"), row.getString("name"),
					row.getString("slug"), row.getBoolean("active"), row.getInt("depth"), row.getInt("products")))
			.list();
	}

	/**
	 * Finds one category.
	 * @param id the category
	 * @return it, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Row> find(long id) {
		return all().stream().filter((row) -> row.id() == id).findFirst();
	}

	/**
	 * Creates a category, last among its siblings, hidden until published.
	 * @param name its name
	 * @param parentId its parent, or {@code null} for a top-level one
	 * @return its id
	 * @throws CategoryRefusal when the name is empty, its address is taken or the parent
	 * does not exist
	 */
	@Transactional
	public long create(String name, Long parentId) {
		String clean = clean(name);
		requireParent(parentId);
		String slug = slug(clean);
		if (taken(slug, 0)) {
			throw new CategoryRefusal("admin.categories.slug-taken");
		}
		long id = this.jdbc
			.sql("""
					INSERT INTO category (parent_id, name, slug, active, position)
					VALUES (:parent, :name, :slug, false,
					        (SELECT coalesce(max(position) + 1, 0) FROM category WHERE parent_id IS NOT DISTINCT FROM :parent))
					RETURNING id""")
			.param("parent", parentId)
			.param("name", clean)
			.param("slug", slug)
			.query(Long.class)
			.single();
		AfterCommit.run(this.categories::forget);
		return id;
	}

	/**
	 * Renames, moves and publishes or hides a category.
	 * @param id the category
	 * @param name its new name
	 * @param parentId its new parent, or {@code null}
	 * @param active whether the storefront shows it
	 * @throws CategoryRefusal when the move would make a cycle, the parent does not exist
	 * or the name is invalid
	 */
	@Transactional
	public void update(long id, String name, Long parentId, boolean active) {
		String clean = clean(name);
		requireParent(parentId);
		try {
			this.jdbc.sql("""
					UPDATE category SET name = :name, parent_id = :parent, active = :active,
					    position = CASE WHEN parent_id IS NOT DISTINCT FROM :parent THEN position
					                    ELSE (SELECT coalesce(max(position) + 1, 0) FROM category
					                          WHERE parent_id IS NOT DISTINCT FROM :parent) END,
					    version = version + 1
					WHERE id = :id""")
				.param("id", id)
				.param("name", clean)
				.param("parent", parentId)
				.param("active", active)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new CategoryRefusal("admin.categories.cycle");
		}
		AfterCommit.run(this.categories::forget);
	}

	/**
	 * Refuses a parent that does not exist (deleted meanwhile, or a form sent by hand)
	 * with a message, before the foreign key would refuse it with an error.
	 */
	private void requireParent(Long parentId) {
		if (parentId != null && !this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM category WHERE id = :id)")
			.param("id", parentId)
			.query(Boolean.class)
			.single()) {
			throw new CategoryRefusal("admin.categories.parent-unknown");
		}
	}

	/**
	 * Moves a category one place up or down among its siblings.
	 * @param id the category
	 * @param up whether up (else down)
	 */
	@Transactional
	public void reorder(long id, boolean up) {
		List<Long> siblings = this.jdbc.sql("""
				SELECT id FROM category
				WHERE parent_id IS NOT DISTINCT FROM (SELECT parent_id FROM category WHERE id = :id)
				ORDER BY position, id""").param("id", id).query(Long.class).list();
		int index = siblings.indexOf(id);
		int other = up ? index - 1 : index + 1;
		if (index < 0 || other < 0 || other >= siblings.size()) {
			return;
		}
		java.util.ArrayList<Long> order = new java.util.ArrayList<>(siblings);
		order.set(index, siblings.get(other));
		order.set(other, id);
		for (int position = 0; position < order.size(); position++) {
			this.jdbc.sql("UPDATE category SET position = :position WHERE id = :id")
				.param("position", position)
				.param("id", order.get(position))
				.update();
		}
		AfterCommit.run(this.categories::forget);
	}

	private boolean taken(String slug, long exceptId) {
		return this.jdbc.sql("SELECT count(*) FROM category WHERE slug = :slug AND id <> :id")
			.param("slug", slug)
			.param("id", exceptId)
			.query(Integer.class)
			.single() > 0;
	}

	private static String clean(String name) {
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty() || clean.length() > 100) {
			throw new CategoryRefusal("admin.categories.name-invalid");
		}
		return clean;
	}

	static String slug(String name) {
		String slug = Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		if (slug.isEmpty()) {
			throw new CategoryRefusal("admin.categories.name-invalid");
		}
		return slug;
	}

	/**
	 * A category in the back-office tree.
	 *
	 * @param id its id
	 * @param parentId its parent, or {@code null}
	 * @param name its name
	 * @param slug its address
	 * @param active whether the storefront shows it
	 * @param depth 0 for a top-level category
	 * @param products how many products it holds directly
	 */
	public record Row(long id, Long parentId, String name, String slug, boolean active, int depth, int products) {
	}

	/**
	 * A change of the tree refused, with the message explaining why.
	 */
	public static class CategoryRefusal extends RuntimeException {

		private static final long serialVersionUID = 1L;

		CategoryRefusal(String messageKey) {
			super(messageKey, null, false, false);
		}

		/**
		 * Returns the message key.
		 * @return a key of the message bundles
		 */
		public String messageKey() {
			return getMessage();
		}

	}

}
