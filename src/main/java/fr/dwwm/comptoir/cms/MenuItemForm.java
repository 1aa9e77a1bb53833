package fr.dwwm.comptoir.cms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The back-office form of a menu link: its label, and where it leads, chosen among three
 * kinds of target ({@link #getTarget() target}): a CMS page, a category of the catalog or
 * a path of the shop. Only the field of the chosen kind is used;
 * {@link MenuAdministration} checks that it is filled in and exists. The rules are those
 * of the {@code menu_item} table, which checks them again.
 */
class MenuItemForm {

	/** The target is a CMS page ({@link #getPageId()}). */
	public static final String PAGE = "PAGE";

	/** The target is a category of the catalog ({@link #getCategoryId()}). */
	public static final String CATEGORY = "CATEGORY";

	/** The target is a path of the shop ({@link #getPath()}). */
	public static final String PATH = "PATH";

	@NotBlank(message = "{admin.menus.menu.invalid}")
	@Pattern(regexp = "HEADER|FOOTER", message = "{admin.menus.menu.invalid}")
	private String menuCode = Menus.FOOTER;

	@NotBlank(message = "{validation.required}")
	@Size(max = 60, message = "{admin.menus.label.too-long}")
	private String label;

	@NotBlank(message = "{admin.menus.target.required}")
	@Pattern(regexp = "PAGE|CATEGORY|PATH", message = "{admin.menus.target.required}")
	private String target = PAGE;

	private Long pageId;

	private Long categoryId;

	// Its form is checked by MenuAdministration, and only when it is the chosen target.
	@Size(max = 200, message = "{validation.too-long}")
	private String path;

	/**
	 * Fills a form with a stored link, to edit it.
	 * @param item the link as stored
	 * @return the form
	 */
	public static MenuItemForm of(MenuAdministration.Item item) {
		MenuItemForm form = new MenuItemForm();
		form.menuCode = item.menuCode();
		form.label = item.label();
		form.target = item.target();
		form.pageId = item.pageId();
		form.categoryId = item.categoryId();
		form.path = item.path();
		return form;
	}

	public String getMenuCode() {
		return this.menuCode;
	}

	public void setMenuCode(String menuCode) {
		this.menuCode = menuCode;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public Long getPageId() {
		return this.pageId;
	}

	public void setPageId(Long pageId) {
		this.pageId = pageId;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

}
