package fr.dwwm.comptoir.cms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.RichTextSanitizer;
import fr.dwwm.comptoir.system.AfterCommit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CMS pages as the back-office edits them: create, change, publish or withdraw, and their
 * history of revisions.
 *
 * <ul>
 * <li>The HTML sent by the editor is stored only after going through
 * {@link RichTextSanitizer} (it goes through it again when shown).</li>
 * <li>Every save writes a new revision ({@code cms_page_revision}): the history only
 * grows. Restoring an old revision saves its content again as a new revision.</li>
 * <li>A change is saved only if the page is still at the version the form was opened from
 * (optimistic locking on {@code cms_page.version}); otherwise nothing is saved and the
 * editor is told.</li>
 * <li>Every change is written to the audit log with the member of staff who made it.</li>
 * </ul>
 */
@Service
class PageAdministration {

	/** The longest HTML of a page (column {@code cms_page.content_html}). */
	public static final int CONTENT_MAX = 200_000;

	private static final String STAFF_NAME = "coalesce(nullif(concat_ws(' ', a.first_name, a.last_name), ''), a.email)";

	private final JdbcClient jdbc;

	private final RichTextSanitizer sanitizer;

	private final AuditLog audit;

	private final Menus menus;

	PageAdministration(JdbcClient jdbc, RichTextSanitizer sanitizer, AuditLog audit, Menus menus) {
		this.jdbc = jdbc;
		this.sanitizer = sanitizer;
		this.audit = audit;
		this.menus = menus;
	}

	/**
	 * Lists every page, drafts included, the last changed first.
	 * @return the pages
	 */
	@Transactional(readOnly = true)
	public List<Row> all() {
		return this.jdbc.sql("""
				SELECT p.id, p.slug, p.title, p.status, p.updated_at, %s AS editor
				FROM cms_page p
				LEFT JOIN account a ON a.id = p.updated_by
				ORDER BY p.updated_at DESC, p.id DESC""".formatted(STAFF_NAME))
			.query((row, number) -> new Row(row.getLong("id"), row.getString("slug"), row.getString("title"),
					CmsPage.Status.valueOf(row.getString("status")), instant(row.getTimestamp("updated_at")),
					row.getString("editor")))
			.list();
	}

	/**
	 * Finds a page, whatever its state, as an editor works on it: a published page with
	 * changes waiting to be published gives those changes (its pending revision), not
	 * what visitors read.
	 * @param id the page
	 * @return it, with its stored HTML, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Details> find(long id) {
		return this.jdbc.sql("""
				SELECT p.id, p.slug, coalesce(r.title, p.title) AS title,
				       coalesce(r.content_html, p.content_html) AS content_html,
				       CASE WHEN r.id IS NULL THEN p.meta_description ELSE r.meta_description END AS meta_description,
				       p.status, p.published_at, p.updated_at, p.version, p.pending_revision
				FROM cms_page p
				LEFT JOIN cms_page_revision r ON r.page_id = p.id AND r.revision = p.pending_revision
				WHERE p.id = :id""")
			.param("id", id)
			.query((row, number) -> new Details(row.getLong("id"), row.getString("slug"), row.getString("title"),
					row.getString("content_html"), row.getString("meta_description"),
					CmsPage.Status.valueOf(row.getString("status")), instant(row.getTimestamp("published_at")),
					instant(row.getTimestamp("updated_at")), row.getInt("version"),
					row.getObject("pending_revision") != null))
			.optional();
	}

	/**
	 * Creates a draft page and its first revision.
	 * @param form the validated form
	 * @param staffId the member of staff who writes it
	 * @return the new page's id
	 * @throws CmsRefusal when the address is another page's or the content too long
	 */
	@Transactional
	public long create(PageForm form, long staffId) {
		String content = sanitizedContent(form);
		checkSlugIsFree(form.getSlug(), 0);
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO cms_page (slug, title, content_html, meta_description, status, updated_by)
					VALUES (:slug, :title, :content, :meta, 'DRAFT', :staff)
					RETURNING id""")
				.param("slug", form.getSlug())
				.param("title", form.getTitle())
				.param("content", content)
				.param("meta", form.getMetaDescription())
				.param("staff", staffId)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			// Another editor took the address between the check and the insert.
			throw slugTaken();
		}
		forgetFormerSlug(form.getSlug());
		int revision = addRevision(id, staffId, form.getTitle(), content, form.getMetaDescription());
		this.audit.record("CMS_PAGE_CREATE", AuditLog.Outcome.SUCCESS, staffId, target(id),
				Map.of("slug", form.getSlug(), "revision", revision));
		return id;
	}

	/**
	 * Saves a change to a page, as a new revision, if nobody changed the page since the
	 * form was opened. A draft takes the change at once; a published page keeps showing
	 * visitors its published version, and the change waits as its pending revision until
	 * it is published ({@link #publish}). The address changes at once in both cases.
	 * @param id the page
	 * @param form the validated form, with the version it was opened from
	 * @param staffId the member of staff who saves it
	 * @return the number of the new revision
	 * @throws CmsRefusal if the page changed meanwhile ({@link CmsRefusal#isStale()},
	 * nothing is saved), or the address is another page's, or the content is too long
	 */
	@Transactional
	public int update(long id, PageForm form, long staffId) {
		// The row stays locked until the end of the transaction: nobody saves between
		// this check and the update, and revision numbers cannot collide.
		Locked page = lock(id).orElseThrow(CmsRefusal::stale);
		if (form.getVersion() == null || form.getVersion() != page.version()) {
			throw CmsRefusal.stale();
		}
		String content = sanitizedContent(form);
		checkSlugIsFree(form.getSlug(), id);
		Details edited = find(id).orElseThrow(CmsRefusal::stale);
		Map<String, Object> before = values(edited.slug(), edited.title(), edited.contentHtml(),
				edited.metaDescription());
		try {
			this.jdbc.sql("UPDATE cms_page SET slug = :slug WHERE id = :id")
				.param("slug", form.getSlug())
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw slugTaken();
		}
		int revision = save(id, page, form.getTitle(), content, form.getMetaDescription(), staffId);
		if (!page.slug().equals(form.getSlug())) {
			keepFormerSlug(id, page.slug(), form.getSlug());
			// Menus hold the page's address.
			AfterCommit.run(this.menus::forget);
		}
		Map<String, Object> details = new java.util.LinkedHashMap<>(
				AuditLog.changes(before, values(form.getSlug(), form.getTitle(), content, form.getMetaDescription())));
		details.put("revision", revision);
		this.audit.record("CMS_PAGE_SAVE", AuditLog.Outcome.SUCCESS, staffId, target(id), details);
		return revision;
	}

	/**
	 * Writes a page's new title, content and description as a new revision: into the page
	 * itself if it is a draft, as its pending revision if it is published. Called with
	 * the page's row locked.
	 */
	private int save(long id, Locked page, String title, String content, String meta, long staffId) {
		int revision = addRevision(id, staffId, title, content, meta);
		if (page.published()) {
			this.jdbc.sql("""
					UPDATE cms_page SET pending_revision = :revision, updated_by = :staff, version = version + 1
					WHERE id = :id""").param("revision", revision).param("staff", staffId).param("id", id).update();
		}
		else {
			this.jdbc.sql("""
					UPDATE cms_page
					SET title = :title, content_html = :content, meta_description = :meta,
					    updated_by = :staff, version = version + 1
					WHERE id = :id""")
				.param("title", title)
				.param("content", content)
				.param("meta", meta)
				.param("staff", staffId)
				.param("id", id)
				.update();
		}
		return revision;
	}

	/**
	 * Publishes a page (everyone can read it, with its pending changes if it has any) or
	 * withdraws it (only staff can; its pending changes become the draft), if nobody
	 * changed it since the page showing the button was opened.
	 * @param id the page
	 * @param published whether to publish it, else to withdraw it
	 * @param version the version the member of staff saw
	 * @param staffId the member of staff
	 * @throws CmsRefusal if the page changed meanwhile
	 */
	@Transactional
	public void publish(long id, boolean published, Integer version, long staffId) {
		Locked page = lock(id).orElseThrow(CmsRefusal::stale);
		if (version == null || version != page.version()) {
			throw CmsRefusal.stale();
		}
		if (page.pendingRevision() != null) {
			// The changes waiting become the page's content: visitors read them once
			// published, staff only once withdrawn.
			this.jdbc.sql("""
					UPDATE cms_page p
					SET title = r.title, content_html = r.content_html, meta_description = r.meta_description,
					    pending_revision = NULL
					FROM cms_page_revision r
					WHERE p.id = :id AND r.page_id = p.id AND r.revision = p.pending_revision""")
				.param("id", id)
				.update();
		}
		this.jdbc.sql("""
				UPDATE cms_page
				SET status = :status,
				    published_at = CASE WHEN :published THEN now() ELSE published_at END,
				    updated_by = :staff, version = version + 1
				WHERE id = :id""")
			.param("status", published ? CmsPage.Status.PUBLISHED.name() : CmsPage.Status.DRAFT.name())
			.param("published", published)
			.param("staff", staffId)
			.param("id", id)
			.update();
		// A menu shows a link to a page only while it is published.
		AfterCommit.run(this.menus::forget);
		Map<String, Object> details = new java.util.LinkedHashMap<>();
		details.put("slug", page.slug());
		if (page.pendingRevision() != null) {
			details.put("revision", page.pendingRevision());
		}
		this.audit.record(published ? "CMS_PAGE_PUBLISH" : "CMS_PAGE_UNPUBLISH", AuditLog.Outcome.SUCCESS, staffId,
				target(id), details);
	}

	/**
	 * Lists the revisions of a page, the last one first.
	 * @param pageId the page
	 * @return its revisions, without their content
	 */
	@Transactional(readOnly = true)
	public List<RevisionRow> revisions(long pageId) {
		return this.jdbc.sql("""
				SELECT r.revision, r.title, r.created_at, %s AS author
				FROM cms_page_revision r
				LEFT JOIN account a ON a.id = r.created_by
				WHERE r.page_id = :page
				ORDER BY r.revision DESC""".formatted(STAFF_NAME))
			.param("page", pageId)
			.query((row, number) -> new RevisionRow(row.getInt("revision"), row.getString("title"),
					instant(row.getTimestamp("created_at")), row.getString("author")))
			.list();
	}

	/**
	 * Finds one revision of a page.
	 * @param pageId the page
	 * @param revision its number
	 * @return it, with its content as stored, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Revision> revision(long pageId, int revision) {
		return this.jdbc.sql("""
				SELECT r.revision, r.title, r.content_html, r.meta_description, r.created_at, %s AS author
				FROM cms_page_revision r
				LEFT JOIN account a ON a.id = r.created_by
				WHERE r.page_id = :page AND r.revision = :revision""".formatted(STAFF_NAME))
			.param("page", pageId)
			.param("revision", revision)
			.query((row, number) -> new Revision(row.getInt("revision"), row.getString("title"),
					row.getString("content_html"), row.getString("meta_description"),
					instant(row.getTimestamp("created_at")), row.getString("author")))
			.optional();
	}

	/**
	 * Puts an old revision's title, content and description back into the page, as a new
	 * revision: the history is never rewritten, so the restore itself can be undone. Like
	 * any save, it waits to be published if the page is published.
	 * @param pageId the page
	 * @param revision the revision to restore
	 * @param staffId the member of staff
	 * @return the number of the new revision, empty if the page or the revision does not
	 * exist
	 */
	@Transactional
	public OptionalInt restore(long pageId, int revision, long staffId) {
		Optional<Locked> page = lock(pageId);
		Optional<Revision> old = revision(pageId, revision);
		if (page.isEmpty() || old.isEmpty()) {
			return OptionalInt.empty();
		}
		// Saved again, so sanitised again: the allow-list may have become stricter since.
		String content = this.sanitizer.sanitize(old.get().contentHtml());
		if (content.length() > CONTENT_MAX) {
			throw new CmsRefusal(null, "admin.pages.content.too-long");
		}
		int added = save(pageId, page.get(), old.get().title(), content, old.get().metaDescription(), staffId);
		this.audit.record("CMS_PAGE_RESTORE", AuditLog.Outcome.SUCCESS, staffId, target(pageId),
				Map.of("restored", revision, "revision", added));
		return OptionalInt.of(added);
	}

	/**
	 * Writes a new revision of the page, numbered after the last one. Called with the
	 * page's row locked (or just created), so two saves cannot take the same number.
	 */
	private int addRevision(long pageId, long staffId, String title, String content, String meta) {
		return this.jdbc.sql("""
				INSERT INTO cms_page_revision (page_id, revision, title, content_html, meta_description, created_by)
				SELECT :page, coalesce(max(r.revision), 0) + 1, :title, :content, :meta, :staff
				FROM cms_page_revision r WHERE r.page_id = :page
				RETURNING revision""")
			.param("page", pageId)
			.param("title", title)
			.param("content", content)
			.param("meta", meta)
			.param("staff", staffId)
			.query(Integer.class)
			.single();
	}

	/** A page's values as the audit log compares them. */
	private static Map<String, Object> values(String slug, String title, String content, String meta) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("slug", slug);
		values.put("title", title);
		values.put("content", content);
		values.put("metaDescription", meta);
		return values;
	}

	private Optional<Locked> lock(long id) {
		return this.jdbc.sql("SELECT slug, version, status, pending_revision FROM cms_page WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((row, number) -> new Locked(row.getString("slug"), row.getInt("version"),
					CmsPage.Status.PUBLISHED.name().equals(row.getString("status")),
					(Integer) row.getObject("pending_revision")))
			.optional();
	}

	/** The editor's HTML through the allow-list; refused if still too long to store. */
	private String sanitizedContent(PageForm form) {
		String content = this.sanitizer.sanitize(form.getContentHtml());
		// Sanitising may lengthen the text (an apostrophe becomes &#39;).
		if (content.length() > CONTENT_MAX) {
			throw new CmsRefusal("contentHtml", "admin.pages.content.too-long");
		}
		return content;
	}

	/**
	 * Keeps a page's former address, which then leads to its current one (a permanent
	 * redirect, while the page is published); the address it takes is nobody's former one
	 * any more.
	 */
	private void keepFormerSlug(long id, String formerSlug, String slug) {
		forgetFormerSlug(slug);
		this.jdbc.sql("""
				INSERT INTO cms_page_former_slug (slug, page_id) VALUES (:slug, :id)
				ON CONFLICT (slug) DO UPDATE SET page_id = EXCLUDED.page_id, moved_at = now()""")
			.param("slug", formerSlug)
			.param("id", id)
			.update();
	}

	private void forgetFormerSlug(String slug) {
		this.jdbc.sql("DELETE FROM cms_page_former_slug WHERE slug = :slug").param("slug", slug).update();
	}

	private void checkSlugIsFree(String slug, long exceptId) {
		boolean taken = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM cms_page WHERE slug = :slug AND id <> :id)")
			.param("slug", slug)
			.param("id", exceptId)
			.query(Boolean.class)
			.single();
		if (taken) {
			throw slugTaken();
		}
	}

	private static CmsRefusal slugTaken() {
		return new CmsRefusal("slug", "admin.pages.slug.taken");
	}

	private static String target(long id) {
		return "cms_page:" + id;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The page's address, version and state, read with its row locked; its pending
	 * revision or {@code null}.
	 */
	private record Locked(String slug, int version, boolean published, Integer pendingRevision) {
	}

	/**
	 * A page in the back-office list.
	 *
	 * @param id its id
	 * @param slug its address, {@code /pages/{slug}}
	 * @param title its title
	 * @param status draft or published
	 * @param updatedAt when it last changed
	 * @param updatedBy the name of who changed it last, or {@code null}
	 */
	public record Row(long id, String slug, String title, CmsPage.Status status, Instant updatedAt, String updatedBy) {

		/**
		 * Tells whether visitors can read it.
		 * @return whether it is published
		 */
		public boolean published() {
			return this.status == CmsPage.Status.PUBLISHED;
		}

	}

	/**
	 * A page as an editor works on it.
	 *
	 * @param id its id
	 * @param slug its address
	 * @param title its title
	 * @param contentHtml its HTML, sanitised when it was saved
	 * @param metaDescription its description for search engines, or {@code null}
	 * @param status draft or published
	 * @param publishedAt when it was last published, or {@code null}
	 * @param updatedAt when it last changed
	 * @param version its version, for optimistic locking
	 * @param pendingChanges whether it is published with changes saved since, which
	 * visitors do not see yet (then title, content and description are those changes)
	 */
	public record Details(long id, String slug, String title, String contentHtml, String metaDescription,
			CmsPage.Status status, Instant publishedAt, Instant updatedAt, int version, boolean pendingChanges) {

		/**
		 * Tells whether visitors can read it.
		 * @return whether it is published
		 */
		public boolean published() {
			return this.status == CmsPage.Status.PUBLISHED;
		}

	}

	/**
	 * A revision in a page's history.
	 *
	 * @param revision its number, from 1
	 * @param title the page's title then
	 * @param createdAt when it was saved
	 * @param author the name of who saved it, or {@code null} (a migration, a deleted
	 * account)
	 */
	public record RevisionRow(int revision, String title, Instant createdAt, String author) {
	}

	/**
	 * A revision with its content.
	 *
	 * @param revision its number, from 1
	 * @param title the page's title then
	 * @param contentHtml the HTML as stored (sanitise it again before showing it)
	 * @param metaDescription the description then, or {@code null}
	 * @param createdAt when it was saved
	 * @param author the name of who saved it, or {@code null}
	 */
	public record Revision(int revision, String title, String contentHtml, String metaDescription, Instant createdAt,
			String author) {
	}

}
