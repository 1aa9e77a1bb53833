package fr.dwwm.comptoir.cms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.RichTextSanitizer;
import fr.dwwm.comptoir.system.AfterCommit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' HTML blocks as the back-office edits them: create one in a display hook,
 * change it, show or hide it, move it up or down among the blocks of its hook, delete it.
 *
 * <p>
 * The HTML is stored only after going through {@link RichTextSanitizer} (and sanitised
 * again when shown, see {@link CmsBlocks}); a change is saved only if the block is still
 * at the version the form was opened from; the storefront's cached blocks are forgotten
 * after each change, and each change is written to the audit log.
 */
@Service
class BlockAdministration {

	/** The longest HTML of a block (column {@code cms_block.content_html}). */
	public static final int CONTENT_MAX = 50_000;

	private final JdbcClient jdbc;

	private final RichTextSanitizer sanitizer;

	private final AuditLog audit;

	private final CmsBlocks blocks;

	BlockAdministration(JdbcClient jdbc, RichTextSanitizer sanitizer, AuditLog audit, CmsBlocks blocks) {
		this.jdbc = jdbc;
		this.sanitizer = sanitizer;
		this.audit = audit;
		this.blocks = blocks;
	}

	/**
	 * Lists every block, grouped by hook in the order of {@link CmsBlocks#HOOKS} (hooks
	 * without blocks included), each group in display order. Blocks placed by other means
	 * in a hook this list does not know come last.
	 * @return the hooks with their blocks
	 */
	@Transactional(readOnly = true)
	public List<HookBlocks> all() {
		Map<String, List<Row>> byHook = new LinkedHashMap<>();
		CmsBlocks.HOOKS.forEach((hook) -> byHook.put(hook, new ArrayList<>()));
		this.jdbc.sql("SELECT id, hook, title, active, updated_at FROM cms_block ORDER BY hook, position, id")
			.query((row, number) -> new Row(row.getLong("id"), row.getString("hook"), row.getString("title"),
					row.getBoolean("active"), instant(row.getTimestamp("updated_at"))))
			.list()
			.forEach((block) -> byHook.computeIfAbsent(block.hook(), (hook) -> new ArrayList<>()).add(block));
		return byHook.entrySet().stream().map((entry) -> new HookBlocks(entry.getKey(), entry.getValue())).toList();
	}

	/**
	 * Finds a block.
	 * @param id the block
	 * @return it, with its stored HTML, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Details> find(long id) {
		return this.jdbc.sql("""
				SELECT id, hook, title, content_html, active, updated_at, version
				FROM cms_block WHERE id = :id""")
			.param("id", id)
			.query((row, number) -> new Details(row.getLong("id"), row.getString("hook"), row.getString("title"),
					row.getString("content_html"), row.getBoolean("active"), instant(row.getTimestamp("updated_at")),
					row.getInt("version")))
			.optional();
	}

	/**
	 * Creates a block, last of its hook.
	 * @param form the validated form
	 * @param staffId the member of staff
	 * @return the new block's id
	 * @throws CmsRefusal when the hook is unknown or the content too long
	 */
	@Transactional
	public long create(BlockForm form, long staffId) {
		checkHook(form.getHook());
		String content = sanitizedContent(form);
		long id = this.jdbc.sql("""
				INSERT INTO cms_block (hook, title, content_html, active, position)
				VALUES (:hook, :title, :content, :active,
				        (SELECT coalesce(max(position) + 1, 0) FROM cms_block WHERE hook = :hook))
				RETURNING id""")
			.param("hook", form.getHook())
			.param("title", form.getTitle())
			.param("content", content)
			.param("active", form.isActive())
			.query(Long.class)
			.single();
		changed("CMS_BLOCK_CREATE", staffId, id, Map.of("hook", form.getHook()));
		return id;
	}

	/**
	 * Saves a change to a block if nobody changed it since the form was opened. A block
	 * moved to another hook goes last there.
	 * @param id the block
	 * @param form the validated form, with the version it was opened from
	 * @param staffId the member of staff
	 * @throws CmsRefusal if the block changed meanwhile ({@link CmsRefusal#isStale()},
	 * nothing is saved), or the hook is unknown, or the content too long
	 */
	@Transactional
	public void update(long id, BlockForm form, long staffId) {
		Map<String, Object> before = this.jdbc
			.sql("SELECT title, content_html, active, hook, version FROM cms_block WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((row, number) -> values(row.getString("title"), row.getString("content_html"),
					row.getBoolean("active"), row.getString("hook"), row.getInt("version")))
			.optional()
			.orElseThrow(CmsRefusal::stale);
		Object version = before.remove("version");
		if (form.getVersion() == null || !form.getVersion().equals(version)) {
			throw CmsRefusal.stale();
		}
		checkHook(form.getHook());
		String content = sanitizedContent(form);
		this.jdbc.sql("""
				UPDATE cms_block
				SET title = :title, content_html = :content, active = :active,
				    position = CASE WHEN hook = :hook THEN position
				                    ELSE (SELECT coalesce(max(position) + 1, 0) FROM cms_block WHERE hook = :hook) END,
				    hook = :hook, version = version + 1
				WHERE id = :id""")
			.param("title", form.getTitle())
			.param("content", content)
			.param("active", form.isActive())
			.param("hook", form.getHook())
			.param("id", id)
			.update();
		Map<String, Object> after = values(form.getTitle(), content, form.isActive(), form.getHook(), null);
		after.remove("version");
		changed("CMS_BLOCK_SAVE", staffId, id, AuditLog.changes(before, after));
	}

	/**
	 * Shows or hides a block.
	 * @param id the block
	 * @param active whether pages show it
	 * @param staffId the member of staff
	 * @return whether the block exists
	 */
	@Transactional
	public boolean activate(long id, boolean active, long staffId) {
		boolean found = this.jdbc.sql("UPDATE cms_block SET active = :active, version = version + 1 WHERE id = :id")
			.param("active", active)
			.param("id", id)
			.update() > 0;
		if (found) {
			changed(active ? "CMS_BLOCK_ACTIVATE" : "CMS_BLOCK_DEACTIVATE", staffId, id, Map.of());
		}
		return found;
	}

	/**
	 * Moves a block one place up or down among the blocks of its hook.
	 * @param id the block
	 * @param up whether up (else down)
	 * @param staffId the member of staff
	 */
	@Transactional
	public void reorder(long id, boolean up, long staffId) {
		List<Long> siblings = this.jdbc.sql("""
				SELECT id FROM cms_block
				WHERE hook = (SELECT hook FROM cms_block WHERE id = :id)
				ORDER BY position, id
				FOR UPDATE""").param("id", id).query(Long.class).list();
		List<Long> order = MenuAdministration.swapped(siblings, id, up);
		if (order.equals(siblings)) {
			return;
		}
		for (int position = 0; position < order.size(); position++) {
			this.jdbc.sql("UPDATE cms_block SET position = :position WHERE id = :id")
				.param("position", position)
				.param("id", order.get(position))
				.update();
		}
		changed("CMS_BLOCK_MOVE", staffId, id, Map.of());
	}

	/**
	 * Deletes a block.
	 * @param id the block
	 * @param staffId the member of staff
	 * @return whether it existed
	 */
	@Transactional
	public boolean delete(long id, long staffId) {
		boolean deleted = this.jdbc.sql("DELETE FROM cms_block WHERE id = :id").param("id", id).update() > 0;
		if (deleted) {
			changed("CMS_BLOCK_DELETE", staffId, id, Map.of());
		}
		return deleted;
	}

	private static void checkHook(String hook) {
		if (hook == null || !CmsBlocks.HOOKS.contains(hook)) {
			throw new CmsRefusal("hook", "admin.blocks.hook.invalid");
		}
	}

	/** The editor's HTML through the allow-list; refused if still too long to store. */
	private String sanitizedContent(BlockForm form) {
		String content = this.sanitizer.sanitize(form.getContentHtml());
		if (content.length() > CONTENT_MAX) {
			throw new CmsRefusal("contentHtml", "admin.blocks.content.too-long");
		}
		return content;
	}

	/** A block's values as the audit log compares them. */
	private static Map<String, Object> values(String title, String content, boolean active, String hook,
			Integer version) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("title", title);
		values.put("content", content);
		values.put("active", active);
		values.put("hook", hook);
		values.put("version", version);
		return values;
	}

	private void changed(String action, long staffId, long blockId, Map<String, ?> details) {
		AfterCommit.run(this.blocks::forget);
		this.audit.record(action, AuditLog.Outcome.SUCCESS, staffId, "cms_block:" + blockId, details);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The blocks of one hook.
	 *
	 * @param hook the display hook
	 * @param blocks its blocks, in display order
	 */
	public record HookBlocks(String hook, List<Row> blocks) {

		/**
		 * Tells whether the back-office knows this hook (and has a label for it).
		 * @return whether it is one of {@link CmsBlocks#HOOKS}
		 */
		public boolean known() {
			return this.hook != null && CmsBlocks.HOOKS.contains(this.hook);
		}

	}

	/**
	 * A block in the back-office list.
	 *
	 * @param id its id
	 * @param hook its display hook
	 * @param title its title
	 * @param active whether pages show it
	 * @param updatedAt when it last changed
	 */
	public record Row(long id, String hook, String title, boolean active, Instant updatedAt) {
	}

	/**
	 * A block as stored.
	 *
	 * @param id its id
	 * @param hook its display hook
	 * @param title its title
	 * @param contentHtml its HTML, sanitised when it was saved
	 * @param active whether pages show it
	 * @param updatedAt when it last changed
	 * @param version its version, for optimistic locking
	 */
	public record Details(long id, String hook, String title, String contentHtml, boolean active, Instant updatedAt,
			int version) {
	}

}
