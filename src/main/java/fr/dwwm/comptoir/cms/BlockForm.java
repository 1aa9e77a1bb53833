package fr.dwwm.comptoir.cms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The back-office form of an HTML block: the display hook it appears in, its title, its
 * content (stored only after going through the sanitizer, see
 * {@link BlockAdministration}) and whether it is shown. {@link #getVersion() version} is
 * the version of the block the form was opened from (optimistic locking). The rules are
 * those of the {@code cms_block} table, which checks them again.
 */
class BlockForm {

	@NotBlank(message = "{admin.blocks.hook.invalid}")
	private String hook = CmsBlocks.HOOKS.get(0);

	@NotBlank(message = "{validation.required}")
	@Size(max = 150, message = "{validation.too-long}")
	private String title;

	@NotBlank(message = "{validation.required}")
	@Size(max = BlockAdministration.CONTENT_MAX, message = "{admin.blocks.content.too-long}")
	private String contentHtml;

	private boolean active = true;

	private Integer version;

	/**
	 * Fills a form with a stored block, to edit it.
	 * @param block the block as stored
	 * @return the form
	 */
	public static BlockForm of(BlockAdministration.Details block) {
		BlockForm form = new BlockForm();
		form.hook = block.hook();
		form.title = block.title();
		form.contentHtml = block.contentHtml();
		form.active = block.active();
		form.version = block.version();
		return form;
	}

	public String getHook() {
		return this.hook;
	}

	public void setHook(String hook) {
		this.hook = hook;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getContentHtml() {
		return this.contentHtml;
	}

	public void setContentHtml(String contentHtml) {
		this.contentHtml = contentHtml;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
