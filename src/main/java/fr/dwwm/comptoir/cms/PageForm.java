package fr.dwwm.comptoir.cms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The back-office form of a CMS page, as the browser sends it. The rules are those of the
 * {@code cms_page} table, checked here for clear messages next to each field; the
 * database checks them again.
 *
 * <p>
 * {@link #getContentHtml() contentHtml} is whatever HTML the editor sent: it is only
 * stored after going through the sanitizer ({@link PageAdministration}).
 * {@link #getVersion() version} is the version of the page the form was opened from, so
 * that a form saved after someone else's change is refused instead of overwriting it.
 */
class PageForm {

	/** The longest address of a page (column {@code cms_page.slug}). */
	public static final int SLUG_MAX = 120;

	/** The longest meta description (column {@code cms_page.meta_description}). */
	public static final int META_DESCRIPTION_MAX = 300;

	@NotBlank(message = "{validation.required}")
	@Size(max = 150, message = "{validation.too-long}")
	private String title;

	@NotBlank(message = "{validation.required}")
	@Size(max = SLUG_MAX, message = "{validation.too-long}")
	@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{admin.pages.slug.invalid}")
	private String slug;

	@Size(max = PageAdministration.CONTENT_MAX, message = "{admin.pages.content.too-long}")
	private String contentHtml;

	@Size(max = META_DESCRIPTION_MAX, message = "{admin.pages.meta.too-long}")
	private String metaDescription;

	private Integer version;

	/**
	 * Fills a form with a stored page, to edit it.
	 * @param page the page as stored
	 * @return the form
	 */
	public static PageForm of(PageAdministration.Details page) {
		PageForm form = new PageForm();
		form.title = page.title();
		form.slug = page.slug();
		form.contentHtml = page.contentHtml();
		form.metaDescription = page.metaDescription();
		form.version = page.version();
		return form;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

	public String getContentHtml() {
		return this.contentHtml;
	}

	public void setContentHtml(String contentHtml) {
		this.contentHtml = contentHtml;
	}

	public String getMetaDescription() {
		return this.metaDescription;
	}

	public void setMetaDescription(String metaDescription) {
		this.metaDescription = metaDescription;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
