package fr.dwwm.comptoir.cms;

import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;
import fr.dwwm.comptoir.security.AccountPrincipal;
import fr.dwwm.comptoir.security.RichTextSanitizer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * CMS pages in the back-office (editors and administrators): the list; the form to create
 * or change a page, which refuses a stale form rather than overwrite someone else's
 * change; publishing and withdrawing; a preview of drafts; the history of revisions, each
 * viewable and restorable.
 *
 * <p>
 * The rules live in {@link PageAdministration}; this controller turns its answers into
 * pages and messages. HTML from the database is shown only after
 * {@link RichTextSanitizer}, even here.
 */
@Controller
@NoIndex
class AdminPageController {

	/** Flash attribute: key of a message saying what was done. */
	static final String MESSAGE = BackOfficeFlash.MESSAGE;

	/** Flash attribute: key of a message saying what was refused. */
	static final String ERROR = BackOfficeFlash.ERROR;

	private final PageAdministration pages;

	private final RichTextSanitizer sanitizer;

	AdminPageController(PageAdministration pages, RichTextSanitizer sanitizer) {
		this.pages = pages;
		this.sanitizer = sanitizer;
	}

	@InitBinder("cmsPage")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("title", "slug", "contentHtml", "metaDescription", "version");
		// An empty field is no value, not an invalid one.
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/admin/pages")
	String list(Model model) {
		model.addAttribute("cmsPages", this.pages.all());
		return "admin/pages";
	}

	@GetMapping("/admin/pages/new")
	String newForm(Model model) {
		return formPage(null, new PageForm(), model);
	}

	@PostMapping("/admin/pages")
	String create(@Valid @ModelAttribute("cmsPage") PageForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal staff, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return formPage(null, form, model);
		}
		try {
			long id = this.pages.create(form, staff.getAccountId());
			redirect.addFlashAttribute(MESSAGE, "admin.pages.created");
			return "redirect:/admin/pages/" + id;
		}
		catch (CmsRefusal refusal) {
			refusal.rejectIn(errors);
			return formPage(null, form, model);
		}
	}

	@GetMapping("/admin/pages/{id}")
	String editForm(@PathVariable long id, Model model) {
		PageAdministration.Details details = find(id);
		return formPage(details, PageForm.of(details), model);
	}

	@PostMapping("/admin/pages/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("cmsPage") PageForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal staff, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		PageAdministration.Details details = find(id);
		if (form.getVersion() == null || form.getVersion() != details.version()) {
			// Said at once, before any other error: the form must be reloaded anyway.
			return stale(details, form, model, response);
		}
		if (errors.hasErrors()) {
			return formPage(details, form, model);
		}
		try {
			this.pages.update(id, form, staff.getAccountId());
		}
		catch (CmsRefusal refusal) {
			if (refusal.isStale()) {
				return stale(details, form, model, response);
			}
			refusal.rejectIn(errors);
			return formPage(details, form, model);
		}
		redirect.addFlashAttribute(MESSAGE, details.published() ? "admin.pages.saved-pending" : "admin.pages.saved");
		return "redirect:/admin/pages/" + id;
	}

	@PostMapping("/admin/pages/{id}/publish")
	String publish(@PathVariable long id, @RequestParam(defaultValue = "false") boolean published,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal AccountPrincipal staff,
			RedirectAttributes redirect) {
		find(id);
		try {
			this.pages.publish(id, published, version, staff.getAccountId());
			redirect.addFlashAttribute(MESSAGE, published ? "admin.pages.published" : "admin.pages.unpublished");
		}
		catch (CmsRefusal refusal) {
			redirect.addFlashAttribute(ERROR, refusal.getMessageKey());
		}
		return "redirect:/admin/pages/" + id;
	}

	/** A draft as visitors will see it once published; never indexed. */
	@GetMapping("/admin/pages/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		PageAdministration.Details details = find(id);
		model.addAttribute("cmsPage", details);
		model.addAttribute("safeContent", this.sanitizer.sanitize(details.contentHtml()));
		return "admin/page-preview";
	}

	@GetMapping("/admin/pages/{id}/revisions")
	String revisions(@PathVariable long id, Model model) {
		model.addAttribute("cmsPage", find(id));
		model.addAttribute("revisions", this.pages.revisions(id));
		return "admin/page-revisions";
	}

	@GetMapping("/admin/pages/{id}/revisions/{revision}")
	String revision(@PathVariable long id, @PathVariable int revision, Model model) {
		PageAdministration.Details details = find(id);
		PageAdministration.Revision old = this.pages.revision(id, revision)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		model.addAttribute("cmsPage", details);
		model.addAttribute("revision", old);
		// Stored HTML is never trusted: it goes through the allow-list again before
		// display, even in the back-office.
		model.addAttribute("safeContent", this.sanitizer.sanitize(old.contentHtml()));
		return "admin/page-revision";
	}

	@PostMapping("/admin/pages/{id}/revisions/{revision}/restore")
	String restore(@PathVariable long id, @PathVariable int revision, @AuthenticationPrincipal AccountPrincipal staff,
			RedirectAttributes redirect) {
		find(id);
		try {
			int added = this.pages.restore(id, revision, staff.getAccountId())
				.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
			redirect.addFlashAttribute(MESSAGE, "admin.pages.restored");
			redirect.addFlashAttribute("restoredFrom", revision);
			redirect.addFlashAttribute("restoredAs", added);
		}
		catch (CmsRefusal refusal) {
			redirect.addFlashAttribute(ERROR, refusal.getMessageKey());
		}
		return "redirect:/admin/pages/" + id;
	}

	private PageAdministration.Details find(long id) {
		return this.pages.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	/**
	 * The form again, with what the editor typed (so nothing is lost) and the message
	 * that the page changed meanwhile; 409 Conflict. The version stays the one the form
	 * was opened from: only reloading the page gives the current one.
	 */
	private String stale(PageAdministration.Details details, PageForm form, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("stale", true);
		return formPage(details, form, model);
	}

	private String formPage(PageAdministration.Details details, PageForm form, Model model) {
		model.addAttribute("cmsPage", form);
		model.addAttribute("details", details);
		return "admin/page-form";
	}

}
