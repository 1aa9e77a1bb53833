package fr.dwwm.comptoir.cms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.system.AfterCommit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The header and footer menus as the back-office edits them: add a link, change it, move
 * it up or down, delete it. Each link leads to exactly one place: a CMS page, a category
 * or a path of the shop (never another site). The storefront's cached menus
 * ({@link Menus}) are forgotten after each change, and each change is written to the
 * audit log.
 */
@Service
class MenuAdministration {

	/**
	 * A path of the shop, as the {@code menu_item} table accepts it: letters, digits and
	 * {@code / _ . ? = & -}, starting with one slash. Two slashes would lead to another
	 * site ({@code //example.com}).
	 */
	private static final Pattern SITE_PATH = Pattern.compile("/(?!/)[A-Za-z0-9/_.?=&-]*");

	/** A menu's links with the title, name or path of what each leads to. */
	private static final String ITEMS = """
			SELECT i.id, i.menu_code, i.label, i.page_id, i.category_id, i.path,
			       p.title AS page_title, p.slug AS page_slug, p.status AS page_status,
			       c.name AS category_name, c.slug AS category_slug, c.active AS category_active
			FROM menu_item i
			LEFT JOIN cms_page p ON p.id = i.page_id
			LEFT JOIN category c ON c.id = i.category_id""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Menus menus;

	MenuAdministration(JdbcClient jdbc, AuditLog audit, Menus menus) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.menus = menus;
	}

	/**
	 * Lists the links of a menu, in order, with what each leads to.
	 * @param menuCode {@link Menus#HEADER} or {@link Menus#FOOTER}
	 * @return its links
	 */
	@Transactional(readOnly = true)
	public List<Item> items(String menuCode) {
		return this.jdbc.sql(ITEMS + " WHERE i.menu_code = :code ORDER BY i.position, i.id")
			.param("code", menuCode)
			.query((row, number) -> item(row))
			.list();
	}

	/**
	 * Finds a link.
	 * @param id the link
	 * @return it, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Item> find(long id) {
		return this.jdbc.sql(ITEMS + " WHERE i.id = :id").param("id", id).query((row, number) -> item(row)).optional();
	}

	/**
	 * Lists the pages a link may lead to, drafts included (the link shows once the page
	 * is published).
	 * @return every page, by title
	 */
	@Transactional(readOnly = true)
	public List<PageChoice> pages() {
		return this.jdbc.sql("SELECT id, title, slug, status FROM cms_page ORDER BY lower(title), id")
			.query((row, number) -> new PageChoice(row.getLong("id"), row.getString("title"), row.getString("slug"),
					CmsPage.Status.PUBLISHED.name().equals(row.getString("status"))))
			.list();
	}

	/**
	 * Adds a link at the end of a menu.
	 * @param form the validated form
	 * @param staffId the member of staff
	 * @return the new link's id
	 * @throws CmsRefusal when the target is missing or unknown
	 */
	@Transactional
	public long add(MenuItemForm form, long staffId) {
		Target target = target(form);
		long id = this.jdbc.sql("""
				INSERT INTO menu_item (menu_code, label, page_id, category_id, path, position)
				VALUES (:menu, :label, :page, :category, :path,
				        (SELECT coalesce(max(position) + 1, 0) FROM menu_item WHERE menu_code = :menu))
				RETURNING id""")
			.param("menu", form.getMenuCode())
			.param("label", form.getLabel())
			.param("page", target.pageId())
			.param("category", target.categoryId())
			.param("path", target.path())
			.query(Long.class)
			.single();
		changed("CMS_MENU_ITEM_ADD", staffId, id, form.getMenuCode());
		return id;
	}

	/**
	 * Changes the label and the target of a link; it stays in its menu, at its place.
	 * @param id the link
	 * @param form the validated form
	 * @param staffId the member of staff
	 * @throws CmsRefusal when the target is missing or unknown
	 */
	@Transactional
	public void update(long id, MenuItemForm form, long staffId) {
		Target target = target(form);
		Map<String, Object> before = this.jdbc
			.sql("SELECT label, page_id, category_id, path FROM menu_item WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((row, number) -> values(row.getString("label"), (Long) row.getObject("page_id"),
					(Long) row.getObject("category_id"), row.getString("path")))
			.optional()
			.orElse(Map.of());
		this.jdbc.sql("""
				UPDATE menu_item SET label = :label, page_id = :page, category_id = :category, path = :path
				WHERE id = :id""")
			.param("label", form.getLabel())
			.param("page", target.pageId())
			.param("category", target.categoryId())
			.param("path", target.path())
			.param("id", id)
			.update();
		AfterCommit.run(this.menus::forget);
		this.audit.record("CMS_MENU_ITEM_SAVE", AuditLog.Outcome.SUCCESS, staffId, "menu_item:" + id,
				AuditLog.changes(before, values(form.getLabel(), target.pageId(), target.categoryId(), target.path())));
	}

	/** A menu item's values as the audit log compares them. */
	private static Map<String, Object> values(String label, Long pageId, Long categoryId, String path) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("label", label);
		values.put("pageId", pageId);
		values.put("categoryId", categoryId);
		values.put("path", path);
		return values;
	}

	/**
	 * Moves a link one place up or down in its menu.
	 * @param id the link
	 * @param up whether up (else down)
	 * @param staffId the member of staff
	 */
	@Transactional
	public void reorder(long id, boolean up, long staffId) {
		List<Long> siblings = this.jdbc.sql("""
				SELECT id FROM menu_item
				WHERE menu_code = (SELECT menu_code FROM menu_item WHERE id = :id)
				ORDER BY position, id
				FOR UPDATE""").param("id", id).query(Long.class).list();
		List<Long> order = swapped(siblings, id, up);
		if (order.equals(siblings)) {
			return;
		}
		for (int position = 0; position < order.size(); position++) {
			this.jdbc.sql("UPDATE menu_item SET position = :position WHERE id = :id")
				.param("position", position)
				.param("id", order.get(position))
				.update();
		}
		changed("CMS_MENU_ITEM_MOVE", staffId, id, null);
	}

	/**
	 * Deletes a link.
	 * @param id the link
	 * @param staffId the member of staff
	 * @return whether it existed
	 */
	@Transactional
	public boolean delete(long id, long staffId) {
		boolean deleted = this.jdbc.sql("DELETE FROM menu_item WHERE id = :id").param("id", id).update() > 0;
		if (deleted) {
			changed("CMS_MENU_ITEM_DELETE", staffId, id, null);
		}
		return deleted;
	}

	/**
	 * Returns a list with an element swapped with its neighbour; unchanged when it is
	 * already first (up) or last (down), or absent.
	 * @param ids the elements in order
	 * @param id the one to move
	 * @param up whether up (else down)
	 * @return the new order
	 */
	static List<Long> swapped(List<Long> ids, long id, boolean up) {
		int index = ids.indexOf(id);
		int other = up ? index - 1 : index + 1;
		if (index < 0 || other < 0 || other >= ids.size()) {
			return ids;
		}
		List<Long> order = new ArrayList<>(ids);
		order.set(index, ids.get(other));
		order.set(other, id);
		return order;
	}

	/** Keeps only the target of the chosen kind, after checking it. */
	private Target target(MenuItemForm form) {
		switch (form.getTarget()) {
			case MenuItemForm.PAGE -> {
				if (form.getPageId() == null
						|| !exists("SELECT EXISTS (SELECT 1 FROM cms_page WHERE id = :id)", form.getPageId())) {
					throw new CmsRefusal("pageId", "admin.menus.page.required");
				}
				return new Target(form.getPageId(), null, null);
			}
			case MenuItemForm.CATEGORY -> {
				if (form.getCategoryId() == null
						|| !exists("SELECT EXISTS (SELECT 1 FROM category WHERE id = :id)", form.getCategoryId())) {
					throw new CmsRefusal("categoryId", "admin.menus.category.required");
				}
				return new Target(null, form.getCategoryId(), null);
			}
			case MenuItemForm.PATH -> {
				String path = form.getPath();
				if (path == null || path.isBlank()) {
					throw new CmsRefusal("path", "admin.menus.path.required");
				}
				if (!SITE_PATH.matcher(path).matches()) {
					throw new CmsRefusal("path", "admin.menus.path.invalid");
				}
				return new Target(null, null, path);
			}
			default -> throw new CmsRefusal("target", "admin.menus.target.required");
		}
	}

	private boolean exists(String query, long id) {
		return this.jdbc.sql(query).param("id", id).query(Boolean.class).single();
	}

	private void changed(String action, long staffId, long itemId, String menuCode) {
		AfterCommit.run(this.menus::forget);
		this.audit.record(action, AuditLog.Outcome.SUCCESS, staffId, "menu_item:" + itemId,
				(menuCode != null) ? Map.of("menu", menuCode) : Map.of());
	}

	private static Item item(java.sql.ResultSet row) throws java.sql.SQLException {
		Long pageId = (Long) row.getObject("page_id");
		Long categoryId = (Long) row.getObject("category_id");
		String target;
		String name;
		String url;
		boolean shown;
		if (pageId != null) {
			target = MenuItemForm.PAGE;
			name = row.getString("page_title");
			url = "/pages/" + row.getString("page_slug");
			shown = CmsPage.Status.PUBLISHED.name().equals(row.getString("page_status"));
		}
		else if (categoryId != null) {
			target = MenuItemForm.CATEGORY;
			name = row.getString("category_name");
			url = "/products?category=" + row.getString("category_slug");
			shown = row.getBoolean("category_active");
		}
		else {
			target = MenuItemForm.PATH;
			name = row.getString("path");
			url = row.getString("path");
			shown = true;
		}
		return new Item(row.getLong("id"), row.getString("menu_code"), row.getString("label"), target, pageId,
				categoryId, row.getString("path"), name, url, shown);
	}

	/** Where a link leads: exactly one of the three is set. */
	private record Target(Long pageId, Long categoryId, String path) {
	}

	/**
	 * A link of a menu in the back-office.
	 *
	 * @param id its id
	 * @param menuCode its menu
	 * @param label what visitors read
	 * @param target {@link MenuItemForm#PAGE}, {@link MenuItemForm#CATEGORY} or
	 * {@link MenuItemForm#PATH}
	 * @param pageId the page it leads to, or {@code null}
	 * @param categoryId the category it leads to, or {@code null}
	 * @param path the path it leads to, or {@code null}
	 * @param targetName the page's title, the category's name or the path
	 * @param url the site-relative URL it leads to
	 * @param shown whether visitors see it (a link to a draft page or a hidden category
	 * is left out of the menu)
	 */
	public record Item(long id, String menuCode, String label, String target, Long pageId, Long categoryId, String path,
			String targetName, String url, boolean shown) {
	}

	/**
	 * A page a link may lead to.
	 *
	 * @param id its id
	 * @param title its title
	 * @param slug its address
	 * @param published whether visitors can read it
	 */
	public record PageChoice(long id, String title, String slug, boolean published) {
	}

}
